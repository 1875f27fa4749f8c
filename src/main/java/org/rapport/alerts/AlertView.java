package org.rapport.alerts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.RelationshipId;

/**
 * One alert as pages and the API show it: the policy that raised it and its reason in plain words
 * (never client content), the record that raised it ({@code source}, e.g. an administration), and,
 * once acknowledged, who acknowledged it, when and what they did.
 */
public record AlertView(AlertId id, RelationshipId relationship, AlertKind kind, String policy, String reason,
        Instant raisedAt, @Nullable UUID source, boolean acknowledged, @Nullable String acknowledgedByName,
        @Nullable Instant acknowledgedAt, @Nullable String whatWasDone, int version) {

    /** The kind's label, for pages. */
    public String label() {
        return kind.label();
    }
}
