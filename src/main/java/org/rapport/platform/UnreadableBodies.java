package org.rapport.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Why a request body could not be read, in words a caller can act on: which field, at which path
 * ({@code clientParty.members[1].joinedOn}), and what kind of value it needed; or where the JSON
 * stopped being JSON. It never quotes what was sent, and never names a Java class.
 */
final class UnreadableBodies {

    /** Longer paths are cut: a path is built from the body's own keys, which can be any length. */
    private static final int LONGEST_PATH = 200;

    private UnreadableBodies() {
    }

    /** The field at fault, or null when the body as a whole could not be read. */
    record Fault(@Nullable String field, String detail) {
    }

    static Fault of(HttpMessageNotReadableException e) {
        JacksonException jackson = find(e, JacksonException.class);
        if (jackson == null) {
            return new Fault(null, e.getCause() == null
                    ? "This request needs a JSON body."
                    : "The body could not be read as JSON of the expected shape.");
        }
        if (jackson instanceof UnexpectedEndOfInputException ending) {
            return new Fault(null, "The body ends before its JSON is complete" + at(ending.getLocation()) + ".");
        }
        String field = path(jackson);
        String what = field == null ? "the body" : field;
        if (jackson instanceof InvalidFormatException invalid && invalid.getValue() instanceof LocalDate) {
            return new Fault(field, what + ": expected a date from " + PlausibleDates.FIRST + " to " + PlausibleDates.LAST + ".");
        }
        if (jackson instanceof PropertyBindingException) {
            return new Fault(field, what + ": is not a field this request has.");
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            return new Fault(field, what + ": expected " + expected(mismatch.getTargetType()) + ".");
        }
        if (jackson instanceof InputCoercionException coercion) {
            return new Fault(field, what + ": expected " + expected(coercion.getTargetType()) + " of a smaller size.");
        }
        if (jackson instanceof ValueInstantiationException) {
            IllegalArgumentException refused = find(jackson, IllegalArgumentException.class);
            String reason = refused != null && refused.getMessage() != null && refused.getMessage().length() <= 300
                    ? refused.getMessage() : "is not valid";
            return new Fault(field, what + ": " + reason);
        }
        if (jackson instanceof StreamReadException) {
            return new Fault(null, "The body is not valid JSON" + at(jackson.getLocation()) + ".");
        }
        return new Fault(field, what + ": could not be read.");
    }

    /** What a value of the target type looks like in JSON. */
    static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type == LocalDate.class) {
            return "a date like 2026-03-01";
        }
        if (type == LocalTime.class) {
            return "a time like 14:30";
        }
        if (type == LocalDateTime.class) {
            return "a date and time like 2026-03-01T14:30";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date and time like 2026-03-01T14:30:00Z";
        }
        if (type == UUID.class) {
            return "an id like 3f6c2a1e-9b7d-4c1a-8e2f-5d4b3a2c1b0e";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type.isEnum()) {
            Object[] choices = type.getEnumConstants();
            String listed = Arrays.stream(choices).limit(30).map(Object::toString).collect(Collectors.joining(", "));
            return "one of " + listed + (choices.length > 30 ? ", …" : "");
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of another kind";
    }

    /** The path to the field at fault, as {@code a.b[2].c}; null for the body itself. */
    static @Nullable String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (path.isEmpty()) {
            return null;
        }
        return path.length() > LONGEST_PATH ? path.substring(0, LONGEST_PATH) + "…" : path.toString();
    }

    private static String at(@Nullable TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + (location.getColumnNr() > 0 ? ", column " + location.getColumnNr() : "")
                + ")";
    }

    private static <T extends Throwable> @Nullable T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
