package com.acme.inventory.platform.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.mockmvc.MockMvcRequest;
import com.atlassian.oai.validator.mockmvc.MockMvcResponse;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;

/**
 * Holds every response a test receives to the side's published OpenAPI document: its status must be
 * declared for the operation, and its headers and body must match the declared ones. Requests are not
 * judged (tests send bad requests on purpose); a request that matches no operation of the document (an
 * unknown route, a wrong method, an actuator endpoint) has no declared response and is passed over.
 */
public final class ContractValidation implements ResultHandler {

    private static final Logger log = LoggerFactory.getLogger(ContractValidation.class);
    private static final Set<String> UNMATCHED =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");
    private static final ConcurrentHashMap<String, AtomicLong> perDocument = new ConcurrentHashMap<>();

    private final String document;
    private final OpenApiInteractionValidator validator;

    private ContractValidation(String document, String specification) {
        this.document = document;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(specification)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.path.missing", ValidationReport.Level.INFO)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.INFO)
                        .build())
                .build();
    }

    public static ContractValidation of(Resource document) {
        try (InputStream in = document.getInputStream()) {
            return new ContractValidation(
                    document.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + document, e);
        }
    }

    /** Logs how many responses this JVM validated against each document (ContractValidationReport, at the end). */
    static void logCounts() {
        perDocument.forEach((document, count) -> log.info("Responses validated against {}: {}", document, count.get()));
    }

    @Override
    public void handle(MvcResult result) {
        validate(MockMvcRequest.of(result.getRequest()), MockMvcResponse.of(result.getResponse()));
    }

    /** Throws an {@link AssertionError} naming every mismatch; does nothing for a request of no operation. */
    public void validate(Request request, Response response) {
        ValidationReport report = validator.validate(request, response);
        if (report.getMessages().stream().anyMatch(message -> UNMATCHED.contains(message.getKey()))) {
            return;
        }
        if (report.hasErrors()) {
            throw new AssertionError("The response to " + request.getMethod() + " " + request.getPath() + " (status "
                    + response.getStatus() + ") breaks " + document + ":\n" + report + "\nbody: "
                    + response.getBody().orElse(""));
        }
        perDocument.computeIfAbsent(document, d -> new AtomicLong()).incrementAndGet();
    }
}
