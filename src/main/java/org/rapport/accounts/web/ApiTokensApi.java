package org.rapport.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.ApiTokenManagement;
import org.rapport.accounts.ApiTokenScope;
import org.rapport.accounts.ApiTokenView;
import org.rapport.accounts.IssuedApiToken;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own API tokens. */
@RestController
@RequestMapping(path = "/api/tokens", produces = "application/json")
@Tag(name = "API tokens", description = "Your personal tokens for the HTTP API (Authorization: Bearer …)")
class ApiTokensApi {

    private final ApiTokenManagement tokens;

    ApiTokensApi(ApiTokenManagement tokens) {
        this.tokens = tokens;
    }

    record NewToken(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 80) @Nullable String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable ApiTokenScope scope,
            @Schema(description = "Days it lasts, 1 to 366; 90 when left out") @Nullable Integer days) {
    }

    record Issued(UUID id, String name, ApiTokenScope scope, Instant expiresAt,
            @Schema(description = "The token: shown this once, kept nowhere") String token) {
        static Issued of(IssuedApiToken issued) {
            ApiTokenView v = issued.view();
            return new Issued(v.id(), v.name(), v.scope(), v.expiresAt(), issued.token());
        }
    }

    @GetMapping
    @Operation(summary = "Your API tokens, the newest first (never the tokens themselves)")
    List<ApiTokenView> mine() {
        return tokens.mine();
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a token for yourself; needs your password, not a token")
    Issued issue(@RequestBody NewToken request) {
        return Issued.of(tokens.issue(request.name(), request.scope(),
                request.days() == null ? ApiTokenManagement.DEFAULT_DAYS : request.days()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your tokens at once")
    void revoke(@PathVariable UUID id) {
        tokens.revoke(id);
    }
}
