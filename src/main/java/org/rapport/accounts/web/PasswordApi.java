package org.rapport.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.PasswordNotChanged;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own password. */
@RestController
@RequestMapping(path = "/api/account/password")
@Tag(name = "Your password", description = "Change the password you sign in with")
class PasswordApi {

    private final AccountManagement accounts;

    PasswordApi(AccountManagement accounts) {
        this.accounts = accounts;
    }

    /** The password now in use, and the one to replace it. */
    record PasswordChange(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String current,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String replacement) {
    }

    @PutMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your password; every signed-in session of yours ends, API tokens stay")
    void change(@RequestBody PasswordChange change) {
        accounts.changePassword(change.current(), change.replacement(), null);
    }

    /** A refusal names the field at fault, so a client can show it beside that field. */
    @ExceptionHandler(PasswordNotChanged.class)
    ResponseEntity<ProblemDetail> refused(PasswordNotChanged refused) {
        return AccountProblems.passwordRefused("Password not changed", refused.getMessage(),
                refused.field() == PasswordNotChanged.Field.CURRENT ? "current" : "replacement");
    }
}
