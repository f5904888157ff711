package com.acme.inventory.platform.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a Spring test context at this test JVM's fresh PostgreSQL database, profile postgres. */
public class SharedPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "spring.datasource.url=" + TestDatabase.sharedUrl(),
                        "inventory.health.port=0",
                        "spring.datasource.username=" + TestDatabase.USER,
                        "spring.datasource.password=" + TestDatabase.PASSWORD,
                        "inventory.security.tokens.order-service=" + PostgresProperties.ORDER_SERVICE_TOKEN,
                        "inventory.security.tokens.catalogue=" + PostgresProperties.CATALOGUE_TOKEN,
                        "inventory.security.tokens.operator=" + PostgresProperties.OPERATOR_TOKEN)
                .applyTo(context);
    }
}
