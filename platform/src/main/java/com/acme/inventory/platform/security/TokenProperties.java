package com.acme.inventory.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bearer tokens per role ({@code inventory.security.tokens.*}, or INVENTORY_SECURITY_TOKENS_* in the
 * environment). Values starting with {@value #DEVELOPMENT_PREFIX} are the documented development tokens.
 */
@ConfigurationProperties("inventory.security.tokens")
public record TokenProperties(String orderService, String catalogue, String operator) {

    public static final String DEVELOPMENT_PREFIX = "dev-";

    String tokenOf(Role role) {
        return switch (role) {
            case ORDER_SERVICE -> orderService;
            case CATALOGUE -> catalogue;
            case OPERATOR -> operator;
        };
    }
}
