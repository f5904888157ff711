package com.acme.inventory.platform;

import ch.qos.logback.classic.LoggerContext;
import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.platform.database.DatabaseAvailability;
import com.acme.inventory.platform.database.FailFastDataSourceWrapping;
import com.acme.inventory.platform.database.OutageLogFilter;
import com.acme.inventory.platform.eventstore.EventStoreConfiguration;
import com.acme.inventory.platform.metrics.AxonMetricsConfiguration;
import com.acme.inventory.platform.openapi.OpenApiConfiguration;
import com.acme.inventory.platform.security.HeaderCharacters;
import com.acme.inventory.platform.security.ProductionTokenGuard;
import com.acme.inventory.platform.security.TokenProperties;
import com.acme.inventory.platform.security.UnwrappedSecurityFilterChain;
import com.acme.inventory.platform.web.ApiExceptionHandler;
import com.acme.inventory.platform.web.HealthPort;
import com.acme.inventory.platform.web.ProblemErrorController;
import com.acme.inventory.platform.web.ProblemErrorReports;
import com.acme.inventory.platform.web.ProblemWriter;
import com.acme.inventory.platform.web.RequestBodyLimitFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.unit.DataSize;

/** What each side imports: event store, web error handling, token security. */
@Configuration(proxyBeanMethods = false)
@Import({
    EventStoreConfiguration.class,
    AxonMetricsConfiguration.class,
    ApiExceptionHandler.class,
    ProblemErrorController.class,
    OpenApiConfiguration.class
})
@EnableConfigurationProperties(TokenProperties.class)
public class PlatformConfiguration {

    /**
     * Security's request matchers match Spring's path patterns themselves instead of asking Spring MVC's
     * handler mappings for every request, their default while MVC is present: handler-condition matching
     * was 18% of the query side's samples under the S4 bench, 4% after. (The default from Spring Security 7 on.)
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * No Spring Security observations. With an observation registry present, Spring Security wraps each of
     * its ~15 filters in an observing filter on every request (13% of a batch read's CPU in an earlier
     * profile); Boot's {@code management.observations.enable.spring.security=false} only makes those
     * observations no-ops, and the wrappers still asked it per filter and request (4% of the command
     * side's samples under S1). Requests are still timed as a whole (http_server_requests).
     */
    @Bean
    SecurityObservationSettings noSpringSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    static UnwrappedSecurityFilterChain unwrappedSecurityFilterChain() {
        return new UnwrappedSecurityFilterChain();
    }

    @Bean
    ProblemWriter problemWriter(ObjectMapper objectMapper) {
        return new ProblemWriter(objectMapper);
    }

    @Bean
    ProductionTokenGuard productionTokenGuard(DataSource dataSource, TokenProperties tokens) {
        return new ProductionTokenGuard(dataSource, tokens);
    }

    /** Spring Security's default firewall, checking header and parameter names without regular expressions. */
    @Bean
    static HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedInName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedInValue);
        firewall.setAllowedParameterNames(HeaderCharacters::allowedInName);
        return firewall;
    }

    /** Requests the firewall refuses (encoded slashes, percent signs...) get a problem body too. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problemWriter) {
        return (request, response, rejected) -> problemWriter.write(
                request, response, ErrorCode.MALFORMED_REQUEST, "The request URL is not acceptable.");
    }

    /** Once per JVM (both sides share one in the standalone launcher): Axon's outage retries, concisely. */
    @Bean
    static OutageLogFilter outageLogFilter() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        return logging.getTurboFilterList().stream()
                .filter(OutageLogFilter.class::isInstance)
                .map(OutageLogFilter.class::cast)
                .findFirst()
                .orElseGet(() -> {
                    OutageLogFilter filter = new OutageLogFilter(Duration.ofMinutes(1));
                    filter.start();
                    logging.addTurboFilter(filter);
                    return filter;
                });
    }

    /** The health contributor {@code database}, part of the readiness group. */
    @Bean
    DatabaseAvailability database(
            DataSource dataSource, @Value("${inventory.database.probe-interval:2s}") Duration probeInterval) {
        return new DatabaseAvailability(dataSource, probeInterval);
    }

    @Bean
    static FailFastDataSourceWrapping failFastDataSource(ObjectProvider<DatabaseAvailability> availability) {
        return new FailFastDataSourceWrapping(availability);
    }

    /**
     * Request bodies are strict JSON of the contract's types: an id given as a number or a boolean, or a
     * quantity as a boolean, is a 400 instead of being coerced and recorded.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder.postConfigurer(mapper -> {
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Integer)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        });
    }

    @Bean
    ProblemErrorReports problemErrorReports(ObjectMapper objectMapper) {
        return new ProblemErrorReports(objectMapper);
    }

    @Bean
    HealthPort healthPort(@Value("${inventory.health.port:-1}") int port, ProblemWriter problemWriter) {
        return new HealthPort(port, problemWriter);
    }

    @Bean
    FilterRegistrationBean<HealthPort> healthPortFilter(HealthPort healthPort) {
        var registration = new FilterRegistrationBean<>(healthPort);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${inventory.web.max-body-size:256KB}") DataSize maxBodySize,
            @Value("${inventory.web.body-read-timeout:10s}") Duration bodyReadTimeout,
            ProblemWriter problemWriter) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(maxBodySize.toBytes(), bodyReadTimeout, problemWriter));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
