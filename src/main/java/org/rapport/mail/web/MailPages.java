package org.rapport.mail.web;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.rapport.mail.MailOutbox;
import org.rapport.mail.MailStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** An admin's page of the mail Rapport sent for the organisation, and what became of each message. */
@Controller
class MailPages {

    private final MailOutbox outbox;

    MailPages(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/mail")
    String page(@RequestParam(required = false) @Nullable String status, Model model) {
        MailStatus shown = Arrays.stream(MailStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        model.addAttribute("shown", shown);
        model.addAttribute("statuses", MailStatus.values());
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("messages", outbox.recent(shown));
        model.addAttribute("folder", outbox.folder().map(Object::toString).orElse(null));
        model.addAttribute("mostShown", MailOutbox.MOST_SHOWN);
        return "mail/outbox";
    }
}
