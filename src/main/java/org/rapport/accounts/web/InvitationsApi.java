package org.rapport.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.InvitationLinkNotUsable;
import org.rapport.accounts.InvitationView;
import org.rapport.accounts.Invitations;
import org.rapport.accounts.PasswordNotChanged;
import org.rapport.platform.PublicAddress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitations through the HTTP API: an admin lists, sends again and withdraws them (a helper is
 * invited with {@code POST /api/invitations}); the invited person accepts with the token from
 * their link, with nobody signed in.
 */
@RestController
@Tag(name = "Invitations", description = "Staff invited by email choose their own password")
class InvitationsApi {

    private final Invitations invitations;
    private final PublicAddress address;

    InvitationsApi(Invitations invitations, PublicAddress address) {
        this.invitations = invitations;
        this.address = address;
    }

    record Acceptance(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String token,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String password) {
    }

    record Accepted(String username) {
    }

    @GetMapping(path = "/api/invitations", produces = "application/json")
    @Operation(summary = "The organisation's invitations, newest first (admins only)")
    List<InvitationView> list() {
        return invitations.ofOrganisation();
    }

    @PostMapping("/api/invitations/{username}/resend")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Send an invitation again with a new link for 72 hours; the earlier link stops working (admins only)")
    void resend(@PathVariable String username, HttpServletRequest request) {
        invitations.resend(username, address.of(request));
    }

    @DeleteMapping("/api/invitations/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw an invitation not yet accepted: its link stops working, the account is deactivated"
            + " (admins only)")
    void withdraw(@PathVariable String username) {
        invitations.withdraw(username);
    }

    @PostMapping(path = "/api/invitations/accept", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Accept an invitation with the token from its link and the password you choose (no sign-in needed)")
    Accepted accept(@RequestBody Acceptance acceptance) {
        return new Accepted(invitations.accept(acceptance.token(), acceptance.password() == null ? "" : acceptance.password()));
    }

    @ExceptionHandler(InvitationLinkNotUsable.class)
    ResponseEntity<ProblemDetail> notUsable(InvitationLinkNotUsable e) {
        return AccountProblems.linkNotUsable("Invitation link not usable", e.getMessage(), "invitation-not-usable");
    }

    @ExceptionHandler(PasswordNotChanged.class)
    ResponseEntity<ProblemDetail> refused(PasswordNotChanged refused) {
        return AccountProblems.passwordRefused("Password not accepted", refused.getMessage(), "password");
    }
}
