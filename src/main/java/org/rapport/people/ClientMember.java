package org.rapport.people;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One person within a client party, from the day they joined until the day they left. */
public record ClientMember(MemberId id, String name, LocalDate joinedOn, @Nullable LocalDate leftOn) {

    /** A member is current from the day they join until the day before they leave. */
    public boolean isCurrentOn(LocalDate day) {
        return !day.isBefore(joinedOn) && (leftOn == null || day.isBefore(leftOn));
    }

    public boolean hasLeft() {
        return leftOn != null;
    }
}
