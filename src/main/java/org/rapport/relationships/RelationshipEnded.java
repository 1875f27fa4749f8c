package org.rapport.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The work ended (the status became ended), published with {@link RelationshipStatusChanged} in the
 * transaction that ends it, so a listener that fails undoes the ending. Carries what listeners in
 * lower modules need and cannot ask the endings module for: the day, how and why it ended, and who
 * closed it.
 *
 * @param endedOn     the day the work ended (not in the future)
 * @param planned     closed as planned (from the ending phase) or unplanned
 * @param reasonCode  the reason's code, for example {@code goals-met} or {@code dropped-out}
 * @param reasonLabel the reason as helpers read it, for example "Goals met"
 * @param byAccountId the account of the person who closed it
 * @param byName      their name as the record keeps it
 */
public record RelationshipEnded(RelationshipId relationship, UUID clientPartyId, LocalDate endedOn, boolean planned,
        String reasonCode, String reasonLabel, UUID byAccountId, String byName, Instant at) {
}
