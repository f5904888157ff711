package com.acme.inventory.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the side's OpenAPI document, the hand-written contract under {@code src/main/resources/openapi}
 * ({@code inventory.openapi.document}), as JSON and as YAML. The API tests validate every response
 * against it, and a client generated from it runs the whole flow, so the code is held to it.
 */
@RestController
class PublishedContract {

    private final String json;
    private final String yaml;

    PublishedContract(@Value("${inventory.openapi.document}") Resource document, ObjectMapper objectMapper)
            throws IOException {
        try (InputStream in = document.getInputStream()) {
            this.yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode tree = new YAMLMapper().readTree(yaml);
        this.json = objectMapper.writeValueAsString(tree);
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    String json() {
        return json;
    }

    @GetMapping(path = "/v3/api-docs.yaml", produces = "application/yaml")
    String yaml() {
        return yaml;
    }
}
