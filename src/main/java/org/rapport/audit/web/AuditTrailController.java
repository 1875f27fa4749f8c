package org.rapport.audit.web;

import java.util.UUID;
import org.rapport.audit.AuditTrail;
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
        model.addAttribute("clientPartyId", clientPartyId);
        model.addAttribute("trail", trail.forClient(clientPartyId, page));
        return "audit/trail";
    }
}
