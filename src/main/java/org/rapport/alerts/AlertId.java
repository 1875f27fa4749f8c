package org.rapport.alerts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies an alert. */
public record AlertId(@JsonValue UUID value) {
    public AlertId {
        if (value == null) throw new IllegalArgumentException("an alert id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
