package org.rapport.operator.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.rapport.accounts.NewOrganisation;
import org.rapport.accounts.OperatorAuditEntry;
import org.rapport.accounts.Operators;
import org.rapport.operator.OperatorConsole;
import org.rapport.operator.OrganisationOverview;
import org.rapport.platform.PublicAddress;
import org.rapport.protection.RewrapProgress;
import org.rapport.shared.OrganisationId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's HTTP API: the organisations on this Rapport, counts only, and opening, suspending and reopening them. */
@RestController
@Tag(name = "Operator", description = "Running a Rapport for many organisations (operators only)")
class OperatorApi {

    private final OperatorConsole console;
    private final Operators operators;
    private final PublicAddress address;

    OperatorApi(OperatorConsole console, Operators operators, PublicAddress address) {
        this.console = console;
        this.operators = operators;
        this.address = address;
    }

    @GetMapping(path = "/api/operator/organisations", produces = "application/json")
    @Operation(summary = "Every organisation on this Rapport, with its counts")
    List<OrganisationOverview> organisations() {
        return console.organisations();
    }

    @GetMapping(path = "/api/operator/organisations/{id}", produces = "application/json")
    @Operation(summary = "One organisation, with its counts")
    OrganisationOverview organisation(@PathVariable UUID id) {
        return console.organisation(new OrganisationId(id));
    }

    @PostMapping(path = "/api/operator/organisations", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Open an organisation and invite its first admin by email")
    ResponseEntity<Opened> open(@RequestBody OpenOrganisation open, HttpServletRequest request) {
        NewOrganisation organisation = NewOrganisation.from(open.name(), open.timeZone(), open.locale(), open.country());
        String email = open.adminEmail() == null ? "" : open.adminEmail().strip().toLowerCase(java.util.Locale.ROOT);
        OrganisationId id = operators.open(organisation, email, open.adminName() == null ? "" : open.adminName(),
                address.of(request));
        return ResponseEntity.created(URI.create("/api/operator/organisations/" + id))
                .body(new Opened(id.toString(), organisation.name(), email));
    }

    /** What was opened: the organisation, and the address its first admin's invitation went to. */
    record Opened(String id, String name, String adminInvited) {
    }

    @PostMapping("/api/operator/organisations/{id}/suspension")
    @Operation(summary = "Suspend an organisation: its staff cannot sign in and their API tokens stop working")
    ResponseEntity<Void> suspend(@PathVariable UUID id) {
        operators.suspend(new OrganisationId(id));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/operator/organisations/{id}/suspension")
    @Operation(summary = "Reopen a suspended organisation")
    ResponseEntity<Void> reopen(@PathVariable UUID id) {
        operators.reopen(new OrganisationId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/operator/organisations/{id}/admin-invitation")
    @Operation(summary = "Send the first admin's invitation again, with a new link for 72 hours")
    ResponseEntity<Void> resendInvitation(@PathVariable UUID id, HttpServletRequest request) {
        operators.resendFirstInvitation(new OrganisationId(id), address.of(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/operator/encryption", produces = "application/json")
    @Operation(summary = "The narrative key: primary key, how many keys, and how far re-encryption under it has come")
    RewrapProgress encryption() {
        return console.encryption();
    }

    @PostMapping("/api/operator/encryption/keys")
    @Operation(summary = "Add a new primary key (when Rapport keeps the keyset) and start re-encrypting older text")
    ResponseEntity<RewrapProgress> addPrimaryKey() {
        console.addPrimaryKey();
        return ResponseEntity.accepted().body(console.encryption());
    }

    @PostMapping("/api/operator/encryption/reencryption")
    @Operation(summary = "Start re-encrypting text under older keys with the primary key")
    ResponseEntity<RewrapProgress> reencrypt() {
        console.reencrypt();
        return ResponseEntity.accepted().body(console.encryption());
    }

    @GetMapping(path = "/api/operator/audit", produces = "application/json")
    @Operation(summary = "What operators did and looked at, newest first")
    List<OperatorAuditEntry> audit(@RequestParam(defaultValue = "100") int limit) {
        return operators.auditTrail(limit);
    }
}
