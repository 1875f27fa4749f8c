package org.rapport.relationships;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A module that knows something the caseload should show about relationships: the last contact
 * with the client, and whether the work is lapsing (sessions missed, or no contact for weeks).
 * Declared here, implemented by the modules that know (sessions).
 */
public interface CaseloadSignals {

    Map<RelationshipId, Signal> signalsFor(Collection<RelationshipId> relationships);

    /** What one module says about one relationship. */
    record Signal(@Nullable LocalDate lastContactOn, boolean lapsing, @Nullable String lapsingBecause) {
    }
}
