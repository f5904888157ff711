package com.acme.inventory.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bearer tokens per role ({@code inventory.security.tokens.*}, or INVENTORY_SECURITY_TOKENS_* in the
 * environment, or files named after the property). The defaults are the documented development tokens of
 * the embedded local default, which {@link ProductionTokenGuard} refuses on any other database.
 */
@ConfigurationProperties("inventory.security.tokens")
public record TokenProperties(String orderService, String catalogue, String operator) {

    String tokenOf(Role role) {
        return switch (role) {
            case ORDER_SERVICE -> orderService;
            case CATALOGUE -> catalogue;
            case OPERATOR -> operator;
        };
    }
}
