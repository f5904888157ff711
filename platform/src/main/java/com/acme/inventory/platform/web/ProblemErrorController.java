package com.acme.inventory.platform.web;

import com.acme.inventory.api.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page (Spring Boot's {@code /error}) as a problem of the contract. Asked
 * for directly, as a path, it is not found; Spring Boot's own controller answered 500 with status 999.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(status instanceof Integer code) || code < 400) {
            return ApiProblems.response(
                    ApiProblems.problem(ErrorCode.NOT_FOUND, "No such resource.", request.getRequestURI()));
        }
        return ApiProblems.response(ApiProblems.problem(
                ContainerErrors.codeOf(code),
                ContainerErrors.detailOf(code),
                uri instanceof String path ? path : null));
    }
}
