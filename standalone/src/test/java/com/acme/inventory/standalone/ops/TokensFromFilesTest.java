package com.acme.inventory.standalone.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.platform.testing.TestDatabase;
import com.acme.inventory.query.QuerySideApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Tokens as files, one per property (Docker secrets under /run/secrets), read through Spring's configtree. */
class TokensFromFilesTest {

    @TempDir
    Path secrets;

    @Test
    void aSideTakesItsTokensFromSecretFiles() throws Exception {
        String catalogue = "catalogue-token-from-a-file-0123456789abcdef";
        Files.writeString(
                secrets.resolve("inventory.security.tokens.order-service"), "order-token-from-a-file-0123456789abc\n");
        Files.writeString(secrets.resolve("inventory.security.tokens.catalogue"), catalogue + "\n");
        Files.writeString(
                secrets.resolve("inventory.security.tokens.operator"), "operator-token-from-a-file-0123456789a\n");

        try (ConfigurableApplicationContext side = QuerySideApplication.application()
                .run(
                        "--spring.profiles.active=postgres",
                        "--server.port=0",
                        "--inventory.health.port=0",
                        "--spring.datasource.url=" + TestDatabase.freshUrl("secrets"),
                        "--spring.datasource.username=" + TestDatabase.USER,
                        "--spring.config.import=optional:configtree:" + secrets + "/")) {
            HttpResponse<String> read = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                            + side.getEnvironment().getRequiredProperty("local.server.port")
                                            + "/api/v1/stock/none"))
                                    .header("Authorization", "Bearer " + catalogue)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(404);
            assertThat(read.body()).contains("PRODUCT_NOT_FOUND");
        }
    }
}
