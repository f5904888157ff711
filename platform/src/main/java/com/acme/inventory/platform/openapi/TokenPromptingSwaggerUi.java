package com.acme.inventory.platform.openapi;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Swagger UI as served by springdoc, with one addition: before its first request the page asks for a
 * bearer token (kept in the tab's session storage) and sends it with every request, the document
 * included. A browser cannot attach a bearer token to a page load, and the document needs one.
 */
class TokenPromptingSwaggerUi extends SwaggerIndexPageTransformer {

    static final String INITIALIZER = "swagger-initializer.js";
    static final String INTERCEPTOR = """
            function withInventoryToken(request) {
              if (!request.headers.Authorization) {
                var token = window.sessionStorage.getItem('inventory-token');
                if (!token) {
                  token = window.prompt('Bearer token for the inventory API (any role reads this document)');
                  if (token) { window.sessionStorage.setItem('inventory-token', token); }
                }
                if (token) { request.headers.Authorization = 'Bearer ' + token; }
              }
              return request;
            }
            """;

    TokenPromptingSwaggerUi(
            SwaggerUiConfigProperties config,
            SwaggerUiOAuthProperties oauth,
            SwaggerWelcomeCommon welcome,
            ObjectMapperProvider objectMapper) {
        super(config, oauth, welcome, objectMapper);
    }

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
            throws IOException {
        Resource transformed = super.transform(request, resource, chain);
        if (!INITIALIZER.equals(resource.getFilename())) {
            return transformed;
        }
        String script = new String(transformed.getContentAsByteArray(), StandardCharsets.UTF_8);
        String withToken = INTERCEPTOR
                + script.replace("SwaggerUIBundle({", "SwaggerUIBundle({\n    requestInterceptor: withInventoryToken,");
        return new TransformedResource(resource, withToken.getBytes(StandardCharsets.UTF_8));
    }
}
