package com.acme.inventory.platform.testing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

/** Every MockMvc request of a side's tests has its response validated against that side's published document. */
@TestConfiguration(proxyBeanMethods = false)
public class ContractValidationConfiguration {

    @Bean
    MockMvcBuilderCustomizer validateResponsesAgainstTheContract(
            @Value("${inventory.openapi.document}") Resource document) {
        ContractValidation validation = ContractValidation.of(document);
        return builder -> builder.alwaysDo(validation);
    }
}
