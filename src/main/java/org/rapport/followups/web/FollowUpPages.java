package org.rapport.followups.web;

import java.util.UUID;
import org.rapport.followups.FollowUpId;
import org.rapport.followups.FollowUpLink;
import org.rapport.followups.FollowUpManagement;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The helper's follow-up page action: create the one-time link for a follow-up that has fallen due. */
@Controller
class FollowUpPages {

    private final FollowUpManagement followUps;

    FollowUpPages(FollowUpManagement followUps) {
        this.followUps = followUps;
    }

    @PostMapping("/follow-ups/{id}/link")
    String createLink(@PathVariable UUID id, @RequestParam(name = "relationship", required = false) UUID relationship,
            RedirectAttributes redirect) {
        try {
            FollowUpLink link = followUps.createLink(new FollowUpId(id));
            String address = ServletUriComponentsBuilder.fromCurrentContextPath().path(link.path()).toUriString();
            redirect.addFlashAttribute("followUpLink", address);
            redirect.addFlashAttribute("flash", "Link created. Copy it now and send it to the client: it is shown only once.");
            return "redirect:/relationships/" + link.relationship() + "#follow-ups";
        } catch (RuleBroken e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return relationship == null ? "redirect:/caseload" : "redirect:/relationships/" + relationship + "#follow-ups";
        }
    }
}
