package com.acme.inventory.platform.web;

import com.acme.inventory.api.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report as a problem of the contract instead of an HTML page, for the errors Tomcat
 * answers itself (an encoded slash or a NUL in the URL, a header too large, a read that timed out...). A
 * status outside the contract's (408, 414, 431, 500) becomes the one its code has (400, 503).
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private final ObjectMapper objectMapper;

    ProblemErrorReportValve(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = ContainerErrors.codeOf(status);
        ProblemDetail problem = ApiProblems.problem(code, ContainerErrors.detailOf(status), null);
        try {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(objectMapper.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response could not be written: nothing more to tell it
        }
    }
}
