package org.rapport.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.PasswordNotChanged;
import org.rapport.accounts.PasswordResets;
import org.rapport.accounts.ResetLinkNotUsable;
import org.rapport.platform.PublicAddress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A forgotten password through the HTTP API: ask for a link and choose the new password with its
 * token (both with nobody signed in), or, as an admin, send someone a link.
 */
@RestController
@Tag(name = "Password resets", description = "A one-time link by email to choose a new password")
class PasswordResetsApi {

    static final String ASKED = "If an account signs in with that address, a link to choose a new password is on its way"
            + " to it; it works once, for an hour.";

    private final PasswordResets resets;
    private final PublicAddress address;

    PasswordResetsApi(PasswordResets resets, PublicAddress address) {
        this.resets = resets;
        this.address = address;
    }

    record Request(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String email) {
    }

    record Asked(String detail) {
    }

    record Reset(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String token,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String password) {
    }

    record Done(String username) {
    }

    @PostMapping(path = "/api/password-resets", consumes = "application/json", produces = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for a link to choose a new password (no sign-in needed); the answer is the same whether or"
            + " not the address signs in")
    Asked ask(@RequestBody Request request, HttpServletRequest http) {
        if (request.email() == null || request.email().isBlank() || request.email().length() > PasswordResetPages.MAX_ADDRESS) {
            throw new IllegalArgumentException("Give the email address you sign in with.");
        }
        resets.askedFor(request.email(), http.getRemoteAddr(), address.of(http));
        return new Asked(ASKED);
    }

    @PostMapping(path = "/api/password-resets/complete", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Choose a new password with the token from the link (no sign-in needed); every signed-in session ends")
    Done complete(@RequestBody Reset reset) {
        return new Done(resets.reset(reset.token(), reset.password() == null ? "" : reset.password()));
    }

    @PostMapping("/api/accounts/{username}/password-reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Send a member of staff a link to choose a new password (admins only)")
    void sendByAdmin(@PathVariable String username, HttpServletRequest http) {
        resets.sendByAdmin(username, address.of(http));
    }

    @ExceptionHandler(ResetLinkNotUsable.class)
    ResponseEntity<ProblemDetail> notUsable(ResetLinkNotUsable e) {
        return AccountProblems.linkNotUsable("Reset link not usable", e.getMessage(), "reset-link-not-usable");
    }

    @ExceptionHandler(PasswordNotChanged.class)
    ResponseEntity<ProblemDetail> refused(PasswordNotChanged refused) {
        return AccountProblems.passwordRefused("Password not accepted", refused.getMessage(), "password");
    }
}
