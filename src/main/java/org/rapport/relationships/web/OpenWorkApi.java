package org.rapport.relationships.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.people.HelperId;
import org.rapport.people.PeopleDirectory;
import org.rapport.relationships.CaseloadEntry;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.shared.RecordNotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The open relationships a helper leads, through the HTTP API: what to hand over when they leave. */
@RestController
@Tag(name = "Relationships")
class OpenWorkApi {

    private final RelationshipManagement relationships;
    private final PeopleDirectory directory;

    OpenWorkApi(RelationshipManagement relationships, PeopleDirectory directory) {
        this.relationships = relationships;
        this.directory = directory;
    }

    /** One relationship to hand over, and where its handover is made. */
    record OpenWork(UUID relationshipId, String client, String status, String phase, @Nullable LocalDate nextReviewOn,
            String handovers) {
        static OpenWork of(CaseloadEntry entry) {
            return new OpenWork(entry.id().value(), entry.clientPartyName(), entry.status().name(), entry.phaseName(),
                    entry.nextReviewOn(), "/api/relationships/" + entry.id().value() + "/handovers");
        }
    }

    @GetMapping(path = "/api/helpers/{id}/open-relationships", produces = "application/json")
    @Operation(summary = "The open relationships a helper leads, to hand over when they leave (admins only)")
    List<OpenWork> openWork(@PathVariable UUID id) {
        HelperId helper = directory.helper(new HelperId(id)).orElseThrow(() -> new RecordNotFound("helper")).id();
        return relationships.openWorkLedBy(helper).stream().map(OpenWork::of).toList();
    }
}
