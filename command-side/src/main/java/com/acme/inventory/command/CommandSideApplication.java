package com.acme.inventory.command;

import com.acme.inventory.platform.PlatformConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The command side: order services' stock commands, the aggregate, the event store (port 8080). */
@SpringBootApplication
@EnableScheduling
@Import(PlatformConfiguration.class)
public class CommandSideApplication {

    /** Its own config file name, so that both sides can share one JVM without reading each other's. */
    public static SpringApplication application() {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side")
                .build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
