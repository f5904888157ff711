package com.acme.inventory.command;

import com.acme.inventory.platform.security.ApiSecurity;
import com.acme.inventory.platform.security.Role;
import com.acme.inventory.platform.security.TokenProperties;
import com.acme.inventory.platform.web.ProblemWriter;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The command side's clock and security rules; Axon's plumbing is in the infrastructure package. */
@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecurityFilterChain commandSecurity(HttpSecurity http, TokenProperties tokens, ProblemWriter problems)
            throws Exception {
        return ApiSecurity.filterChain(
                http,
                tokens,
                problems,
                registry -> registry.requestMatchers("/api/v1/inventory/**", "/api/v1/orders/**")
                        .hasAnyRole(Role.ORDER_SERVICE.name(), Role.OPERATOR.name()));
    }
}
