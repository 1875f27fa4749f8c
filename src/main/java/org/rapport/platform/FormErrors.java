package org.rapport.platform;

import java.util.Map;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A form's errors, ready to show beside its fields. When a value cannot be converted at all (a
 * date that is not a date, a choice that is not on the list), Spring builds the form record without
 * it and keeps the errors apart from it; putting the record back in the model would then drop them.
 * This binds the errors to the record again, with a plain message in place of the converter's.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static BindingResult of(Object form, String name, BindingResult binding, Map<String, String> typeMismatches) {
        BindingResult shown = new BeanPropertyBindingResult(form, name);
        binding.getGlobalErrors().forEach(shown::addError);
        for (FieldError error : binding.getFieldErrors()) {
            String field = error.getField().replaceAll("\\[.*", "");
            String message = !error.isBindingFailure() ? error.getDefaultMessage()
                    : error.contains(Throwable.class) && PlausibleDates.outOfRange(error.unwrap(Throwable.class))
                            ? PlausibleDates.MESSAGE
                            : typeMismatches.getOrDefault(field, "Choose a value from the list.");
            // No codes: the message is shown as written, not looked up or run through MessageFormat.
            shown.addError(new FieldError(name, error.getField(), error.getRejectedValue(), error.isBindingFailure(),
                    null, null, message));
        }
        return shown;
    }
}
