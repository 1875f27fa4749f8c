package org.rapport.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.FreeText;
import org.rapport.shared.RuleBroken;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A problem identified with the client, in the client's own words, with who identified it and when. */
@Table("concern")
class Concern {

    static final int MAX_LENGTH = 2000;

    @Id
    private final UUID concernId;
    private final UUID organisationId;
    private final UUID relationshipId;
    /** Sealed in {@code narrative}; the column is read only for a concern an earlier version wrote. */
    @ReadOnlyProperty
    private String description;
    private final LocalDate identifiedOn;
    private final UUID identifiedBy;
    private final String identifiedByName;
    private final Instant recordedAt;
    @Version
    private @Nullable Integer version;
    private byte @Nullable [] narrative;

    @PersistenceCreator
    Concern(UUID concernId, UUID organisationId, UUID relationshipId, String description, LocalDate identifiedOn,
            UUID identifiedBy, String identifiedByName, Instant recordedAt, @Nullable Integer version) {
        this.concernId = concernId;
        this.organisationId = organisationId;
        this.relationshipId = relationshipId;
        this.description = description;
        this.identifiedOn = identifiedOn;
        this.identifiedBy = identifiedBy;
        this.identifiedByName = identifiedByName;
        this.recordedAt = recordedAt;
        this.version = version;
    }

    static Concern identify(UUID organisationId, UUID relationshipId, NewConcern concern, Actor by, Instant at,
            LocalDate today) {
        if (concern == null) throw new RuleBroken("Describe the concern, in the client's words.");
        String description = FreeText.required(concern.description(), "The concern, in the client's words", MAX_LENGTH);
        LocalDate on = concern.identifiedOn() == null ? today : concern.identifiedOn();
        if (on.isAfter(today)) throw new RuleBroken("The day the concern was identified cannot be in the future.");
        return new Concern(UUID.randomUUID(), organisationId, relationshipId, description, on, by.accountId(),
                by.name(), at, null);
    }

    ConcernId id() {
        return new ConcernId(concernId);
    }

    UUID relationshipId() {
        return relationshipId;
    }

    String description() {
        return description;
    }

    UUID organisationId() {
        return organisationId;
    }

    /** The concern's text, keyed by the column that held it in the clear, as it is sealed. */
    Map<String, @Nullable String> texts() {
        Map<String, @Nullable String> texts = new LinkedHashMap<>();
        texts.put("description", description);
        return texts;
    }

    byte @Nullable [] narrative() {
        return narrative;
    }

    void seal(byte[] sealed) {
        this.narrative = sealed;
    }

    void open(Map<String, String> texts) {
        description = texts.getOrDefault("description", description);
    }

    LocalDate identifiedOn() {
        return identifiedOn;
    }

    String identifiedByName() {
        return identifiedByName;
    }

    Instant recordedAt() {
        return recordedAt;
    }
}
