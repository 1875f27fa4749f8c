package org.rapport.endings;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.rapport.relationships.RelationshipId;

/**
 * A relationship was closed, planned or not. Published inside the closing transaction, so a
 * listener that fails undoes the closing: nothing is stored half.
 *
 * @param lastSessionOn the last attended session, or the ending date when there was none; the
 *                      follow-up dates were counted from it
 * @param reason        the reason's code (for example {@code goals-met}, {@code dropped-out})
 * @param followUpDates the follow-up check-ins agreed in the open door, earliest first; empty
 *                      when none were agreed
 * @param followUpInstrumentKey the short measure each follow-up carries, if any
 */
public record RelationshipClosed(RelationshipId relationship, UUID clientPartyId, UUID leadHelperId,
        LocalDate endedOn, LocalDate lastSessionOn, boolean planned, String reason,
        List<LocalDate> followUpDates, @Nullable String followUpInstrumentKey) {

    public RelationshipClosed {
        followUpDates = List.copyOf(followUpDates);
    }
}
