package com.acme.inventory.platform.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * One side of the service as a separate JVM on the test classpath, on PostgreSQL, so that a test can
 * SIGKILL it and start it again on the same port.
 */
public final class ServiceProcess {

    private final String mainClass;
    private final String jdbcUrl;
    private final int port;
    private final File log;
    private Process process;

    public ServiceProcess(String mainClass, String jdbcUrl, File log) throws IOException {
        this.mainClass = mainClass;
        this.jdbcUrl = jdbcUrl;
        this.log = log;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public void start() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-Xmx512m",
                "-XX:+UseParallelGC",
                "-cp",
                classpath,
                mainClass));
        command.addAll(List.of(PostgresProperties.args(jdbcUrl, "--server.port=" + port)));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        awaitReady();
    }

    /** SIGKILL: no shutdown hook, no graceful close of connections or transactions. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .build();
        Awaitility.await(mainClass + " ready (see " + log + ")")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                mainClass + " exited with " + process.exitValue() + ", see " + log);
                    }
                    return http.send(readiness, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                });
    }
}
