package com.acme.inventory.command.web;

import com.acme.inventory.platform.web.ApiValidationException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Builds a {@link CommandContext} argument; an Idempotency-Key of the wrong shape is a 400 VALIDATION_FAILED. */
class CommandContextResolver implements HandlerMethodArgumentResolver {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 128;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandContext.class;
    }

    @Override
    public CommandContext resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest webRequest,
            WebDataBinderFactory binders) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key != null && !wellFormed(key)) {
            throw new ApiValidationException(IDEMPOTENCY_KEY, "must be 1 to 128 printable ASCII characters");
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return new CommandContext(caller.getName(), request.getMethod(), request.getRequestURI(), key);
    }

    private static boolean wellFormed(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
