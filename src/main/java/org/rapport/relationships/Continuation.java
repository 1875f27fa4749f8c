package org.rapport.relationships;

import java.time.LocalDate;

/**
 * One end of the link between an ended relationship and the new one that continues its work: the
 * other relationship, and the day that matters (the day the earlier work ended, or the day the new
 * referral was made).
 */
public record Continuation(RelationshipId relationship, LocalDate on) {
}
