package org.rapport.people.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** A form's field errors as the pages show them: one plain message per field, first problem first. */
final class FormErrors {

    private FormErrors() {
    }

    static Map<String, String> of(BindingResult result, Map<String, String> typeMismatches) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            String field = error.getField().replaceAll("\\[.*", "");
            String message = error.isBindingFailure()
                    ? typeMismatches.getOrDefault(field, "Choose a value from the list.")
                    : error.getDefaultMessage();
            errors.putIfAbsent(field, message == null ? "This is not valid." : message);
        }
        return errors;
    }
}
