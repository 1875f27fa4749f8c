package org.rapport.relationships;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A relationship moved from one lead helper to another: who from and who to (names as they were
 * then), why, the handover note, who did it and when, the working agreement revision the client is
 * asked to accept again (none when there was no agreement yet), and when the new helper confirmed
 * taking the work on.
 */
@Table("handover")
public record Handover(int number, UUID fromHelperId, String fromHelperName, UUID toHelperId, String toHelperName,
        HandoverReason reason, @ReadOnlyProperty String note, @Nullable Integer agreementRevision, UUID handedOverBy,
        String handedOverByName, Instant handedOverAt, @Nullable Instant confirmedAt,
        @Nullable String confirmedByName) {

    Handover withNote(String text) {
        return new Handover(number, fromHelperId, fromHelperName, toHelperId, toHelperName, reason, text,
                agreementRevision, handedOverBy, handedOverByName, handedOverAt, confirmedAt, confirmedByName);
    }

    Handover confirmedBy(String name, Instant at) {
        return new Handover(number, fromHelperId, fromHelperName, toHelperId, toHelperName, reason, note,
                agreementRevision, handedOverBy, handedOverByName, handedOverAt, at, name);
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }
}
