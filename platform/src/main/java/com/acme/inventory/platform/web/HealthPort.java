package com.acme.inventory.platform.web;

import com.acme.inventory.api.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A second HTTP port ({@code inventory.health.port}, off when negative) with its own few threads,
 * serving only the health probes and the metrics: balancers and monitoring still get answers while
 * slow or hostile clients hold every thread of the API port. The API port serves the same endpoints too.
 */
public final class HealthPort extends OncePerRequestFilter
        implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final int THREADS = 4;

    private final int port;
    private final ProblemWriter problems;
    private Connector connector;
    private volatile int boundPort;

    public HealthPort(int port, ProblemWriter problems) {
        this.port = port;
        this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (port < 0) {
            return;
        }
        connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(port);
        connector.setProperty("maxThreads", Integer.toString(THREADS));
        connector.setProperty("minSpareThreads", "1");
        connector.setProperty("maxConnections", "64");
        connector.setProperty("connectionTimeout", "2000");
        factory.addAdditionalTomcatConnectors(connector);
    }

    /** The port it listens on (the one chosen when configured as 0), or -1 when off. */
    public int localPort() {
        return connector == null ? -1 : connector.getLocalPort();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (connector != null && request.getLocalPort() == boundPort() && !servedHere(request)) {
            problems.write(
                    request,
                    response,
                    ErrorCode.NOT_FOUND,
                    "This port serves /actuator/health and " + "/actuator/prometheus only.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The port once bound, kept: asking the connector on every request was 3% of a request's time. */
    private int boundPort() {
        int port = boundPort;
        if (port <= 0) {
            port = connector.getLocalPort();
            boundPort = port;
        }
        return port;
    }

    private static boolean servedHere(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/actuator/health")
                || path.startsWith("/actuator/health/")
                || path.equals("/actuator/prometheus");
    }
}
