package com.acme.inventory.platform.security;

import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.platform.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The security shape both sides share: stateless bearer tokens, public health probes and Swagger UI
 * assets, problem responses for 401 and 403, operator-only actuator endpoints. Each side gives the roles
 * of its own API paths (any method, so that a wrong method is a 405, not a 403); any other path only
 * needs a valid token, so that a mistyped path answers 404 to every caller that may use the API at all.
 */
public final class ApiSecurity {

    /** RFC 6750: a 401 names the scheme, and says when a token was presented but not accepted. */
    static final String CHALLENGE = "Bearer realm=\"inventory\"";

    static final String INVALID_TOKEN_CHALLENGE = CHALLENGE + ", error=\"invalid_token\"";

    private ApiSecurity() {}

    public interface Rules {
        void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry);
    }

    public static SecurityFilterChain filterChain(
            HttpSecurity http, TokenProperties tokens, ProblemWriter problems, Rules sideRules) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new TokenAuthenticationFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader(
                                    HttpHeaders.WWW_AUTHENTICATE,
                                    request.getHeader(HttpHeaders.AUTHORIZATION) == null
                                            ? CHALLENGE
                                            : INVALID_TOKEN_CHALLENGE);
                            problems.write(
                                    request, response, ErrorCode.UNAUTHORIZED, "A valid bearer token is required.");
                        })
                        .accessDeniedHandler((request, response, ex) -> problems.write(
                                request,
                                response,
                                ErrorCode.FORBIDDEN,
                                "This token's role may not use this endpoint.")))
                .headers(Customizer.withDefaults())
                .authorizeHttpRequests(registry -> {
                    registry.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                            .permitAll();
                    registry.requestMatchers("/error").permitAll();
                    // the browser loads Swagger UI without a token; the UI then asks for one to read the document
                    registry.requestMatchers(
                                    HttpMethod.GET,
                                    "/swagger-ui.html",
                                    "/swagger-ui/**",
                                    "/v3/api-docs/springdoc/swagger-config")
                            .permitAll();
                    registry.requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name());
                    sideRules.apply(registry);
                    registry.anyRequest().authenticated();
                });
        return http.build();
    }
}
