package com.acme.inventory.query;

import com.acme.inventory.platform.database.DatabaseNotifications;
import com.acme.inventory.platform.security.ApiSecurity;
import com.acme.inventory.platform.security.Role;
import com.acme.inventory.platform.security.TokenProperties;
import com.acme.inventory.platform.web.ProblemWriter;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class QuerySideConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Each instance names itself in the token claims, so that several query-side instances (or two
     * contexts in one JVM) never mistake each other's claims for their own.
     */
    @Bean
    TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            TokenSchema tokenSchema,
            @Value("${spring.application.name}") String application,
            @Value("${inventory.query.token-claim-timeout:10s}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(tokenSchema)
                .contentType(byte[].class)
                .claimTimeout(claimTimeout)
                .nodeId(application + "@" + ManagementFactory.getRuntimeMXBean().getName() + "/"
                        + UUID.randomUUID().toString().substring(0, 8))
                .build();
    }

    /**
     * Projections dispatch no messages, so correlation data has nowhere to travel from here; Axon
     * would still compute it for every event a processor handles (the message-origin maps were 11%
     * of a replay's processor samples). Runs after Axon's own module, which registers the default.
     */
    @Bean
    ConfigurerModule noCorrelationData() {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureCorrelationDataProviders(configuration -> List.of());
            }

            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    /** Commits and replay changes announced by PostgreSQL (LISTEN); absent on H2, where the side polls. */
    @Bean
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:postgresql:')")
    DatabaseNotifications databaseNotifications(DataSource dataSource) {
        return new DatabaseNotifications(dataSource);
    }

    /** Catalogue pages read stock; history and admin are the operator's. */
    @Bean
    SecurityFilterChain querySecurity(HttpSecurity http, TokenProperties tokens, ProblemWriter problems)
            throws Exception {
        return ApiSecurity.filterChain(http, tokens, problems, registry -> {
            registry.requestMatchers("/api/v1/stock", "/api/v1/stock/**")
                    .hasAnyRole(Role.CATALOGUE.name(), Role.OPERATOR.name());
            registry.requestMatchers("/api/v1/inventory/*/events", "/api/v1/admin/**")
                    .hasRole(Role.OPERATOR.name());
        });
    }
}
