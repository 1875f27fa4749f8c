package org.rapport.relationships;

import java.time.LocalDate;
import org.rapport.people.ClientPartyId;

/**
 * A client party the signed-in person already sees, found by name when a referral is taken, so a
 * returning client is referred as who they are rather than registered twice.
 *
 * @param latest the status of their latest relationship, with its lead helper and referral day
 */
public record KnownClient(ClientPartyId id, String name, String kind, RelationshipStatus latest, String leadHelperName,
        LocalDate referredOn) {
}
