package com.acme.inventory.platform.security;

import java.util.Arrays;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Outside the embedded local default, the service refuses to start with a missing token or one of
 * the documented development values.
 */
public class ProductionTokenGuard implements InitializingBean {

    private final Environment environment;
    private final TokenProperties tokens;

    public ProductionTokenGuard(Environment environment, TokenProperties tokens) {
        this.environment = environment;
        this.tokens = tokens;
    }

    @Override
    public void afterPropertiesSet() {
        if (!environment.acceptsProfiles(Profiles.of("postgres", "prod", "production"))) {
            return;
        }
        for (Role role : Role.values()) {
            String token = tokens.tokenOf(role);
            if (token == null || token.isBlank() || token.startsWith(TokenProperties.DEVELOPMENT_PREFIX)) {
                throw new IllegalStateException("Token for role '" + role.actor() + "' is unset or a development value; "
                        + "set INVENTORY_SECURITY_TOKENS_" + role.name() + " (active profiles: "
                        + Arrays.toString(environment.getActiveProfiles()) + ")");
            }
        }
    }
}
