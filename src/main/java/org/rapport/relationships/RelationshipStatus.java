package org.rapport.relationships;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a relationship stands as a whole, apart from its phase. Only the moves listed here are
 * legal: a referral is taken on or waits; active work may pause or move towards its ending; an
 * ended relationship stays ended (coming back is a new referral, linked to the old one).
 */
public enum RelationshipStatus {
    REFERRED("Referred"),
    WAITLISTED("On the waiting list"),
    ACTIVE("Active"),
    PAUSED("Paused"),
    ENDING("Ending"),
    ENDED("Ended");

    private final String label;

    RelationshipStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses this one may move to. */
    public Set<RelationshipStatus> next() {
        return switch (this) {
            case REFERRED -> EnumSet.of(WAITLISTED, ACTIVE, ENDED);
            case WAITLISTED -> EnumSet.of(ACTIVE, ENDED);
            case ACTIVE -> EnumSet.of(PAUSED, ENDING, ENDED);
            case PAUSED -> EnumSet.of(ACTIVE, ENDING, ENDED);
            case ENDING -> EnumSet.of(ACTIVE, ENDED);
            case ENDED -> EnumSet.noneOf(RelationshipStatus.class);
        };
    }

    public boolean mayMoveTo(RelationshipStatus target) {
        return next().contains(target);
    }

    /** Phases move only while the work is under way. */
    public boolean allowsPhaseMoves() {
        return this == ACTIVE || this == ENDING;
    }

    public boolean isOpen() {
        return this != ENDED;
    }

    /**
     * Work that has begun (active, paused or ending) ends only from its ending, planned or not, so
     * the reason is recorded and the door can be left open; a referral not taken up may simply end.
     */
    public boolean endsThroughTheEnding() {
        return this == ACTIVE || this == PAUSED || this == ENDING;
    }

    /** The statuses a plain status change offers: those of {@link #next()}, without "ended" where the ending closes the work. */
    public Set<RelationshipStatus> nextByStatusChange() {
        Set<RelationshipStatus> next = EnumSet.noneOf(RelationshipStatus.class);
        next.addAll(next());
        if (endsThroughTheEnding()) next.remove(ENDED);
        return next;
    }
}
