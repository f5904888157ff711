package com.acme.inventory.platform.web;

import com.acme.inventory.api.ErrorCode;

/**
 * The contract's code for an error status that Tomcat or the servlet container set, where no controller
 * advice runs: a URL Tomcat refuses, a header too large, a body that never arrives.
 */
final class ContainerErrors {

    private ContainerErrors() {}

    static ErrorCode codeOf(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.MALFORMED_REQUEST;
        };
    }

    static String detailOf(int status) {
        return switch (status) {
            case 401 -> "A valid bearer token is required.";
            case 403 -> "This token's role may not use this endpoint.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not supported here.";
            case 406 -> "This resource is served as application/json.";
            case 408 -> "The request did not arrive in time.";
            case 413 -> "The request is too large.";
            case 414 -> "The URL is too long.";
            case 415 -> "Send application/json.";
            case 431 -> "A request header is too large.";
            default ->
                status >= 500
                        ? "The request could not be served; retry later."
                        : "The request is not acceptable HTTP: its URL, a header or its framing.";
        };
    }
}
