package org.rapport.people.web;

import java.util.List;
import java.util.UUID;
import org.rapport.audit.AuditTrail;
import org.rapport.people.ClientPartyId;
import org.rapport.people.PeopleDirectory;
import org.rapport.shared.RecordNotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's list of client parties (names, kinds and current members only) and each client's
 * audit trail, a page at a time.
 */
@Controller
class ClientPagesController {

    private final PeopleDirectory directory;
    private final AuditTrail trail;

    ClientPagesController(PeopleDirectory directory, AuditTrail trail) {
        this.directory = directory;
        this.trail = trail;
    }

    @GetMapping("/admin/clients")
    String list(Model model) {
        model.addAttribute("clients", directory.clientParties());
        return "people/clients";
    }

    @GetMapping("/admin/audit")
    String auditTrail(@RequestParam("client") UUID client, @RequestParam(name = "page", defaultValue = "0") int page,
            Model model) {
        ClientPartyId id = new ClientPartyId(client);
        String name = directory.clientPartyNames(List.of(id)).get(id);
        if (name == null) throw new RecordNotFound("client");
        model.addAttribute("clientPartyId", client);
        model.addAttribute("clientName", name);
        model.addAttribute("trail", trail.forClient(client, page));
        return "audit/trail";
    }
}
