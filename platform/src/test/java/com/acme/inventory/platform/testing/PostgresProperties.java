package com.acme.inventory.platform.testing;

import java.util.ArrayList;
import java.util.List;

/** Spring properties that point an application at a test database, with non-development tokens. */
public final class PostgresProperties {

    public static final String ORDER_SERVICE_TOKEN = "test-order-service-token-0123456789abcdef";
    public static final String CATALOGUE_TOKEN = "test-catalogue-token-0123456789abcdefghijk";
    public static final String OPERATOR_TOKEN = "test-operator-token-0123456789abcdefghijkl";

    private PostgresProperties() {}

    /** Command-line style arguments ({@code --name=value}) for SpringApplication#run. */
    public static String[] args(String jdbcUrl, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--inventory.health.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + TestDatabase.USER,
                "--spring.datasource.password=" + TestDatabase.PASSWORD,
                "--inventory.security.tokens.order-service=" + ORDER_SERVICE_TOKEN,
                "--inventory.security.tokens.catalogue=" + CATALOGUE_TOKEN,
                "--inventory.security.tokens.operator=" + OPERATOR_TOKEN));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }
}
