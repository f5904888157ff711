package com.acme.inventory.platform.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link ValidId} character by character: as a {@code @Pattern} the regular expression was 10% of
 * the query side's samples under the S3 bench, where every batch read validates 50 product ids.
 */
public class ValidIdValidator implements ConstraintValidator<ValidId, String> {

    private static final int MAX_LENGTH = 64;

    @Override
    public boolean isValid(String id, ConstraintValidatorContext context) {
        return id == null || valid(id);
    }

    /** Whether a (non-null) id is one of {@link ValidId}. */
    public static boolean valid(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!allowed(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == ':'
                || c == '-';
    }
}
