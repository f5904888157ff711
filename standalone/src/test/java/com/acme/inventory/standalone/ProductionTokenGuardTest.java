package com.acme.inventory.standalone;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.acme.inventory.command.CommandSideApplication;
import com.acme.inventory.platform.testing.TestDatabase;
import com.acme.inventory.query.QuerySideApplication;

/** The postgres profile refuses to start while a token is unset or still a development value. */
class ProductionTokenGuardTest {

    private static String[] postgresWith(String url, String orderServiceToken) {
        return new String[]{"--spring.profiles.active=postgres", "--server.port=0", "--inventory.health.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.USER,
                "--inventory.security.tokens.order-service=" + orderServiceToken,
                "--inventory.security.tokens.catalogue=prod-catalogue-secret",
                "--inventory.security.tokens.operator=prod-operator-secret"};
    }

    @Test
    void theCommandSideRefusesAnUnsetToken() {
        String url = TestDatabase.freshUrl("guard");
        assertThatThrownBy(() -> CommandSideApplication.application().run(postgresWith(url, "")))
                .hasStackTraceContaining("INVENTORY_SECURITY_TOKENS_ORDER_SERVICE");
    }

    @Test
    void theQuerySideRefusesADevelopmentToken() {
        String url = TestDatabase.freshUrl("guard");
        assertThatThrownBy(() -> QuerySideApplication.application().run(postgresWith(url, "dev-order-service-token")))
                .hasStackTraceContaining("unset or a development value");
    }
}
