package org.rapport.goals;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a goal. */
public record GoalId(@JsonValue UUID value) {
    public GoalId {
        if (value == null) throw new IllegalArgumentException("a goal id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
