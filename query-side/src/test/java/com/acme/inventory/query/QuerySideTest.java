package com.acme.inventory.query;

import com.acme.inventory.platform.testing.ContractValidationConfiguration;
import com.acme.inventory.platform.testing.SharedPostgres;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole query side on a fresh PostgreSQL database, profile postgres, driven through MockMvc,
 * every response validated against the side's published OpenAPI document.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = QuerySideApplication.class,
        properties = {
            "spring.config.name=query-side",
            "spring.profiles.active=postgres",
            "inventory.query.consistency-wait=300ms"
        })
@ContextConfiguration(initializers = SharedPostgres.class)
@AutoConfigureMockMvc
@Import(ContractValidationConfiguration.class)
@AutoConfigureObservability
public @interface QuerySideTest {}
