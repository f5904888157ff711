package com.acme.inventory.command.concurrency;

import com.acme.inventory.command.CommandSideApplication;
import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.platform.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Several command-side instances (separate Spring applications) on one fresh PostgreSQL database. */
final class CommandSideCluster implements AutoCloseable {

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final List<CommandClient> clients = new ArrayList<>();

    CommandSideCluster(int size, String purpose, String... args) {
        String url = TestDatabase.freshUrl(purpose);
        String[] all = Stream.concat(Stream.of("--server.port=0", "--server.tomcat.threads.max=64"), Stream.of(args))
                .toArray(String[]::new);
        for (int i = 0; i < size; i++) {
            ConfigurableApplicationContext context =
                    CommandSideApplication.application().run(PostgresProperties.args(url, all));
            instances.add(context);
            clients.add(new CommandClient(
                    Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"))));
        }
    }

    CommandClient client(int index) {
        return clients.get(Math.floorMod(index, clients.size()));
    }

    int size() {
        return clients.size();
    }

    ConfigurableApplicationContext instance(int index) {
        return instances.get(index);
    }

    JdbcTemplate jdbc() {
        return instances.get(0).getBean(JdbcTemplate.class);
    }

    @Override
    public void close() {
        instances.forEach(ConfigurableApplicationContext::close);
    }
}
