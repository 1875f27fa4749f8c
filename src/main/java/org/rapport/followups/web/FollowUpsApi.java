package org.rapport.followups.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.followups.DueFollowUp;
import org.rapport.followups.FollowUpId;
import org.rapport.followups.FollowUpLink;
import org.rapport.followups.FollowUpManagement;
import org.rapport.followups.FollowUpView;
import org.rapport.followups.ReconnectView;
import org.rapport.relationships.RelationshipId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The follow-ups part of the HTTP API: a relationship's follow-ups and ways back in, the follow-ups
 * due for the helper calling, and creating a follow-up's one-time link. Refusals are RFC 9457 problems.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Follow-ups", description = "Follow-up check-ins after a relationship ends, and reconnects (the way back in)")
class FollowUpsApi {

    private final FollowUpManagement followUps;

    FollowUpsApi(FollowUpManagement followUps) {
        this.followUps = followUps;
    }

    record LinkResponse(FollowUpId followUpId, RelationshipId relationshipId, String link, Instant expiresAt) {
    }

    @GetMapping("/relationships/{id}/follow-ups")
    @Operation(summary = "A relationship's follow-up check-ins, earliest first")
    Map<String, List<FollowUpView>> ofRelationship(@PathVariable UUID id) {
        return Map.of("followUps", followUps.followUpsOf(new RelationshipId(id)));
    }

    @GetMapping("/follow-ups/due")
    @Operation(summary = "The follow-ups that have fallen due for the helper calling, as former lead helper")
    Map<String, List<DueFollowUp>> dueForMe() {
        return Map.of("followUps", followUps.dueForMe());
    }

    @PostMapping("/follow-ups/{id}/link")
    @Operation(summary = "Create the one-time link for the client to answer a follow-up that has fallen due",
            description = "The link is returned only in this answer; any earlier link of the follow-up stops working. "
                    + "It works once and expires after 14 days.")
    ResponseEntity<LinkResponse> createLink(@PathVariable UUID id) {
        FollowUpLink link = followUps.createLink(new FollowUpId(id));
        return ResponseEntity.created(URI.create("/api/relationships/" + link.relationship() + "/follow-ups"))
                .body(new LinkResponse(link.followUp(), link.relationship(), link.path(), link.expiresAt()));
    }

    @GetMapping("/relationships/{id}/reconnects")
    @Operation(summary = "A relationship's ways back in: reconnect links issued, and follow-ups answered \"yes\"")
    Map<String, List<ReconnectView>> reconnects(@PathVariable UUID id) {
        return Map.of("reconnects", followUps.reconnectsOf(new RelationshipId(id)));
    }
}
