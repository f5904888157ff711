package com.acme.inventory.platform.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;

/** Fails start-up outside the local default while a token is unset or a development value. */
public class ProductionTokenGuard implements InitializingBean {

    private final Environment environment;
    private final TokenProperties tokens;

    public ProductionTokenGuard(Environment environment, TokenProperties tokens) {
        this.environment = environment;
        this.tokens = tokens;
    }

    @Override
    public void afterPropertiesSet() {
        ApiSecurity.requireProductionTokens(environment, tokens);
    }
}
