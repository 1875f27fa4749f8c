package org.rapport.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.CurrentUser;
import org.rapport.accounts.SecondFactorPolicy;
import org.rapport.accounts.SecondFactors;
import org.rapport.shared.RuleBroken;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Second factors through the HTTP API: your own state, who must use one, and an admin's reset. */
@RestController
@Tag(name = "Second factor", description = "Sign-in with a code from an authenticator app as well as a password")
class SecondFactorsApi {

    private final SecondFactors secondFactors;

    SecondFactorsApi(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
    }

    record SecondFactorState(boolean enabled, int recoveryCodesLeft, boolean requiredForYou) {
    }

    record Policy(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable SecondFactorPolicy required) {
    }

    @GetMapping(path = "/api/account/second-factor", produces = "application/json")
    @Operation(summary = "Whether you sign in with a second factor, and how many recovery codes you have left")
    SecondFactorState mine() {
        CurrentUser me = CurrentUser.require();
        boolean enabled = secondFactors.hasSecondFactor(me.accountId());
        return new SecondFactorState(enabled, enabled ? secondFactors.recoveryCodesLeft() : 0,
                secondFactors.policy().requires(me.roles()));
    }

    @GetMapping(path = "/api/organisation/second-factor", produces = "application/json")
    @Operation(summary = "Who in your organisation must sign in with a second factor")
    Policy policy() {
        return new Policy(secondFactors.policy());
    }

    @PutMapping(path = "/api/organisation/second-factor", produces = "application/json")
    @Operation(summary = "Choose who must sign in with a second factor: NOBODY, ADMINS or ALL_STAFF (admins only)")
    Policy require(@RequestBody Policy policy) {
        if (policy.required() == null) throw new RuleBroken("Say who must use a second factor: NOBODY, ADMINS or ALL_STAFF.");
        secondFactors.require(policy.required());
        return new Policy(secondFactors.policy());
    }

    @PostMapping("/api/accounts/{username}/second-factor/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reset the second factor of someone who lost it (admins only): they set up a new one at sign-in")
    void reset(@PathVariable String username) {
        secondFactors.reset(username);
    }
}
