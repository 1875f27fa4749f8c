package org.rapport.sessions.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import org.rapport.sessions.SessionManagement;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A helper's calendar feed, for calendar apps: no sign-in, the secret in the address is the key. */
@RestController
@Hidden
class CalendarFeedController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final SessionManagement sessions;

    CalendarFeedController(SessionManagement sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return sessions.calendarFeed(token)
                .map(text -> ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CacheControl.noStore())
                        .body(text))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
