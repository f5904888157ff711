package com.acme.inventory.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the configured role tokens. A request
 * without a known token stays anonymous, and the authorization rules then answer 401.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Map<Role, byte[]> tokens = new EnumMap<>(Role.class);

    TokenAuthenticationFilter(TokenProperties properties) {
        for (Role role : Role.values()) {
            String token = properties.tokenOf(role);
            if (token != null && !token.isBlank()) {
                tokens.put(role, token.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            byte[] presented = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
            Role role = roleOf(presented);
            if (role != null) {
                var authentication = UsernamePasswordAuthenticationToken.authenticated(
                        role.actor(), null, List.of(new SimpleGrantedAuthority(role.authority())));
                SecurityContextHolder.getContext().setAuthentication(authentication);
            }
        }
        chain.doFilter(request, response);
    }

    private Role roleOf(byte[] presented) {
        Role match = null;
        for (Map.Entry<Role, byte[]> entry : tokens.entrySet()) {
            // constant-time comparison: no timing hints about a token's prefix
            if (MessageDigest.isEqual(entry.getValue(), presented)) {
                match = entry.getKey();
            }
        }
        return match;
    }
}
