package com.acme.inventory.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.inventory.command.CommandSideApplication;
import com.acme.inventory.platform.testing.TestDatabase;
import com.acme.inventory.query.QuerySideApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Outside the embedded H2 default a side starts only when every role has its own token of 32 characters
 * or more, whatever the profiles say: the guard looks at the database the side is connected to.
 */
class ProductionTokenGuardTest {

    private static final String ORDER = "order-service-token-0123456789abcdefghij";
    private static final String CATALOGUE = "catalogue-token-0123456789abcdefghijklmn";
    private static final String OPERATOR = "operator-token-0123456789abcdefghijklmno";

    /** PostgreSQL without the postgres profile, as in the drill that found the development tokens working. */
    private static String[] onPostgres(String... tokens) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--inventory.health.port=0",
                "--spring.datasource.url=" + TestDatabase.freshUrl("guard"),
                "--spring.datasource.username=" + TestDatabase.USER));
        args.addAll(List.of(tokens));
        return args.toArray(String[]::new);
    }

    @Test
    void theDevelopmentTokensAreRefusedOnPostgresEvenWithoutAProfile() {
        assertThatThrownBy(() -> CommandSideApplication.application().run(onPostgres()))
                .hasStackTraceContaining("INVENTORY_SECURITY_TOKENS_ORDER_SERVICE is shorter than 32 characters");
    }

    @Test
    void anUnsetTokenIsRefused() {
        assertThatThrownBy(() -> QuerySideApplication.application()
                        .run(onPostgres(
                                "--spring.profiles.active=postgres",
                                "--inventory.security.tokens.catalogue=" + CATALOGUE,
                                "--inventory.security.tokens.operator=" + OPERATOR)))
                .hasStackTraceContaining("INVENTORY_SECURITY_TOKENS_ORDER_SERVICE is unset");
    }

    @Test
    void aShortTokenIsRefused() {
        assertThatThrownBy(() -> CommandSideApplication.application()
                        .run(onPostgres(
                                "--inventory.security.tokens.order-service=" + ORDER,
                                "--inventory.security.tokens.catalogue=x",
                                "--inventory.security.tokens.operator=" + OPERATOR)))
                .hasStackTraceContaining("INVENTORY_SECURITY_TOKENS_CATALOGUE is shorter than 32 characters");
    }

    @Test
    void oneTokenForSeveralRolesIsRefused() {
        assertThatThrownBy(() -> QuerySideApplication.application()
                        .run(onPostgres(
                                "--inventory.security.tokens.order-service=" + ORDER,
                                "--inventory.security.tokens.catalogue=" + ORDER,
                                "--inventory.security.tokens.operator=" + ORDER)))
                .hasStackTraceContaining("INVENTORY_SECURITY_TOKENS_CATALOGUE is the token of another role")
                .hasStackTraceContaining("INVENTORY_SECURITY_TOKENS_OPERATOR is the token of another role");
    }

    @Test
    void distinctLongTokensStart() {
        try (ConfigurableApplicationContext side = CommandSideApplication.application()
                .run(onPostgres(
                        "--inventory.security.tokens.order-service=" + ORDER,
                        "--inventory.security.tokens.catalogue=" + CATALOGUE,
                        "--inventory.security.tokens.operator=" + OPERATOR))) {
            assertThat(side.isRunning()).isTrue();
        }
    }
}
