package org.rapport.audit.web;

import java.util.UUID;
import org.rapport.audit.AuditPage;
import org.rapport.audit.AuditTrail;
import org.rapport.shared.RecordNotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's view of a client's audit trail, a page at a time. */
@Controller
class AuditTrailController {

    private final AuditTrail trail;

    AuditTrailController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String show(@RequestParam("client") UUID clientPartyId, @RequestParam(name = "page", defaultValue = "0") int page,
            Model model) {
        AuditPage entries = trail.forClient(clientPartyId, page);
        // Registering a client party writes its first entry, so an empty trail means an unknown client
        // or one of another organisation: answered alike, as not found.
        if (entries.total() == 0) throw new RecordNotFound("client");
        model.addAttribute("clientPartyId", clientPartyId);
        model.addAttribute("trail", entries);
        return "audit/trail";
    }
}
