package com.acme.inventory.query;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.acme.inventory.platform.security.ApiSecurity;
import com.acme.inventory.platform.security.Role;
import com.acme.inventory.platform.security.TokenProperties;
import com.acme.inventory.platform.web.ProblemWriter;

@Configuration(proxyBeanMethods = false)
class QuerySideConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Catalogue pages read stock; history and admin are the operator's (the shared default). */
    @Bean
    SecurityFilterChain querySecurity(HttpSecurity http, TokenProperties tokens, ProblemWriter problems)
            throws Exception {
        return ApiSecurity.filterChain(http, tokens, problems, registry -> registry
                .requestMatchers(HttpMethod.GET, "/api/v1/stock", "/api/v1/stock/**")
                .hasAnyRole(Role.CATALOGUE.name(), Role.OPERATOR.name()));
    }
}
