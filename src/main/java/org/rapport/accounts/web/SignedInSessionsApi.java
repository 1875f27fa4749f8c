package org.rapport.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.rapport.accounts.SignedInSession;
import org.rapport.accounts.SignedInSessions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own signed-in sessions (of the pages; an API call has none of its own). */
@RestController
@RequestMapping(path = "/api/account/sessions", produces = "application/json")
@Tag(name = "Signed-in sessions", description = "The sessions you are signed in with in a browser")
class SignedInSessionsApi {

    private final SignedInSessions sessions;

    SignedInSessionsApi(SignedInSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    @Operation(summary = "Your signed-in sessions, the most recently used first")
    List<SignedInSession> mine() {
        return sessions.mine(null);
    }

    @DeleteMapping("/{handle}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End one of your sessions: whoever uses it next must sign in")
    void end(@PathVariable String handle) {
        sessions.end(handle);
    }
}
