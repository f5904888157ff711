package com.acme.inventory.platform.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.platform.web.ProblemWriter;

/**
 * The security shape both sides share: stateless bearer tokens, public health probes, problem
 * responses for 401 and 403, and operator-only metrics and API docs. Each side adds its own rules.
 */
public final class ApiSecurity {

    private ApiSecurity() {
    }

    public interface Rules {
        void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry);
    }

    public static SecurityFilterChain filterChain(HttpSecurity http, TokenProperties tokens, ProblemWriter problems,
                                                  Rules sideRules) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new TokenAuthenticationFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
                                ErrorCode.UNAUTHORIZED, "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                ErrorCode.FORBIDDEN, "This token's role may not use this endpoint.")))
                .headers(Customizer.withDefaults())
                .authorizeHttpRequests(registry -> {
                    registry.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll();
                    registry.requestMatchers("/error").permitAll();
                    sideRules.apply(registry);
                    registry.requestMatchers("/actuator/**", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui.html",
                            "/swagger-ui/**").hasRole(Role.OPERATOR.name());
                    registry.anyRequest().hasRole(Role.OPERATOR.name());
                });
        return http.build();
    }
}
