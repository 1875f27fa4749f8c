package org.rapport.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.OrganisationSettings;
import org.rapport.accounts.SettingsRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

    /** A refusal names the setting at fault, so a client can show it beside that field. */
    @ExceptionHandler(SettingsRefused.class)
    ResponseEntity<ProblemDetail> refused(SettingsRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, refused.getMessage());
        problem.setTitle("Setting not accepted");
        problem.setType(URI.create("urn:rapport:problem:setting-refused"));
        problem.setProperty("field", refused.setting());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
