package org.rapport.followups;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one follow-up check-in. */
public record FollowUpId(@JsonValue UUID value) {

    public FollowUpId {
        if (value == null) throw new IllegalArgumentException("an id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
