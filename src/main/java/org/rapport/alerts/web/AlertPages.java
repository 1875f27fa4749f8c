package org.rapport.alerts.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.alerts.AlertId;
import org.rapport.alerts.AlertManagement;
import org.rapport.shared.RuleBroken;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Acknowledging an alert from the relationship page, with what was done. */
@Controller
class AlertPages {

    private final AlertManagement alerts;

    AlertPages(AlertManagement alerts) {
        this.alerts = alerts;
    }

    @PostMapping("/alerts/{id}/acknowledgement")
    String acknowledge(@PathVariable UUID id, @RequestParam(name = "version", required = false) @Nullable String version,
            @RequestParam(name = "whatWasDone", required = false) @Nullable String whatWasDone,
            @RequestParam(name = "relationship", required = false) @Nullable String relationship,
            RedirectAttributes redirect) {
        String back = back(relationship);
        Integer expected = number(version);
        if (expected == null) {
            redirect.addFlashAttribute("flashError", "The alert could not be acknowledged: reload the page and try again.");
            return back;
        }
        try {
            alerts.acknowledge(new AlertId(id), expected, whatWasDone == null ? "" : whatWasDone);
            redirect.addFlashAttribute("flash", "Alert acknowledged.");
        } catch (RuleBroken e) {
            redirect.addFlashAttribute("flashError", e.getMessage() + " The alert is still open.");
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError",
                    "This alert changed after you opened the page, so it was not acknowledged. Look at it again below.");
        }
        return back;
    }

    /** Back to the relationship the form came from, or to the caseload when that is not a relationship id. */
    private static String back(@Nullable String relationship) {
        try {
            return relationship == null ? "redirect:/caseload" : "redirect:/relationships/" + UUID.fromString(relationship) + "#alerts";
        } catch (IllegalArgumentException e) {
            return "redirect:/caseload";
        }
    }

    private static @Nullable Integer number(@Nullable String text) {
        if (text == null) return null;
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
