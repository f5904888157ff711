package com.acme.inventory.standalone;

import com.acme.inventory.command.CommandSideApplication;
import com.acme.inventory.query.QuerySideApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local default: command side (8080) and query side (8081) in one JVM, each its own Spring
 * context, both on the embedded H2 file database under ./data. The command side starts first so that
 * its migrations have run when the query side's processors open their event streams.
 */
public final class StandaloneApplication {

    private static final Logger log = LoggerFactory.getLogger(StandaloneApplication.class);

    private StandaloneApplication() {}

    public record Running(ConfigurableApplicationContext commandSide, ConfigurableApplicationContext querySide)
            implements AutoCloseable {

        @Override
        public void close() {
            querySide.close();
            commandSide.close();
        }
    }

    public static Running start(String... args) {
        ConfigurableApplicationContext commandSide =
                CommandSideApplication.application().run(args);
        try {
            ConfigurableApplicationContext querySide =
                    QuerySideApplication.application().run(args);
            log.info(
                    "Inventory service running: commands on {}, queries on {}",
                    commandSide.getEnvironment().getProperty("local.server.port"),
                    querySide.getEnvironment().getProperty("local.server.port"));
            return new Running(commandSide, querySide);
        } catch (RuntimeException failure) {
            commandSide.close();
            throw failure;
        }
    }

    public static void main(String[] args) {
        Running running = start(args);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "standalone-shutdown"));
    }
}
