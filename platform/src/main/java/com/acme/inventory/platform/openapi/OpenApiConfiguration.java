package com.acme.inventory.platform.openapi;

import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The published contract and the Swagger UI that reads it. */
@Configuration(proxyBeanMethods = false)
@Import(PublishedContract.class)
public class OpenApiConfiguration {

    @Bean
    SwaggerIndexTransformer indexPageTransformer(
            SwaggerUiConfigProperties config,
            SwaggerUiOAuthProperties oauth,
            SwaggerWelcomeCommon welcome,
            ObjectMapperProvider objectMapper) {
        return new TokenPromptingSwaggerUi(config, oauth, welcome, objectMapper);
    }
}
