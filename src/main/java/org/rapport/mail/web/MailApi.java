package org.rapport.mail.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rapport.mail.MailCounts;
import org.rapport.mail.MailOutbox;
import org.rapport.mail.MailStatus;
import org.rapport.mail.MailView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's mail through the HTTP API: what was sent, what waits, what could not be sent. */
@RestController
@Tag(name = "Mail", description = "The messages Rapport sends for your organisation (admins only)")
class MailApi {

    private final MailOutbox outbox;

    MailApi(MailOutbox outbox) {
        this.outbox = outbox;
    }

    record Outbox(MailCounts counts, List<MailView> messages) {
    }

    @GetMapping(path = "/api/organisation/mail", produces = "application/json")
    @Operation(summary = "The organisation's latest messages, newest first, with how many wait, were sent and were not sent"
            + " (admins only)")
    Outbox mail(@Parameter(description = "only messages with this status: QUEUED, SENT or FAILED")
            @RequestParam(required = false) @Nullable MailStatus status) {
        return new Outbox(outbox.counts(), outbox.recent(status));
    }
}
