package org.rapport.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in accounts of the organisation, as the HTTP API offers them to its admins. */
@RestController
@RequestMapping(path = "/api/accounts", produces = "application/json")
@Tag(name = "Accounts", description = "Sign-in accounts of your organisation")
class AccountsApi {

    private final AccountManagement accounts;

    AccountsApi(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/{username}/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deactivate an account (admins only): no sign-in, its sessions ended and API tokens revoked; "
            + "its history stays")
    void deactivate(@PathVariable String username) {
        accounts.deactivate(username);
    }

    @PostMapping("/{username}/reactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reactivate a deactivated account (admins only)")
    void reactivate(@PathVariable String username) {
        accounts.reactivate(username);
    }

    /** The roles an account is to have, in place of its own. */
    record Roles(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Set<Role> roles) {
    }

    @PutMapping(path = "/{username}/roles", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change an account's roles (admins only); its sessions end so the new roles hold from its "
            + "next sign-in")
    void changeRoles(@PathVariable String username, @RequestBody Roles change) {
        accounts.changeRoles(username, change.roles() == null ? Set.of() : change.roles());
    }

    @PostMapping("/{username}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Lift a pause on an account's sign-in after failed attempts (admins only)")
    void unlock(@PathVariable String username) {
        accounts.unlockSignIn(username);
    }
}
