package org.rapport.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.OrganisationSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's settings through the HTTP API: staff read them, admins change them. */
@RestController
@Tag(name = "Organisation", description = "Your organisation's settings")
class OrganisationSettingsApi {

    private final AccountManagement accounts;

    OrganisationSettingsApi(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping(path = "/api/organisation", produces = "application/json")
    @Operation(summary = "Your organisation's settings")
    OrganisationSettings settings() {
        return accounts.organisationSettings();
    }

    @PutMapping(path = "/api/organisation", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Change the organisation's settings, all of them as GET gives them (admins only)")
    OrganisationSettings change(@RequestBody OrganisationSettings change) {
        return accounts.changeOrganisationSettings(change);
    }
}
