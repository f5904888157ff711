package com.acme.inventory.query;

import com.acme.inventory.platform.PlatformConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The query side: projections, catalogue reads and operator endpoints (port 8081). */
@SpringBootApplication
@EnableScheduling
@Import(PlatformConfiguration.class)
public class QuerySideApplication {

    /** Its own config file name, so that both sides can share one JVM without reading each other's. */
    public static SpringApplication application() {
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=query-side")
                .build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
