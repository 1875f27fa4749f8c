package org.rapport.operator.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rapport.accounts.NewOrganisation;
import org.rapport.accounts.Operators;
import org.rapport.accounts.SettingsRefused;
import org.rapport.operator.OperatorConsole;
import org.rapport.operator.OrganisationOverview;
import org.rapport.platform.PublicAddress;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's page: the organisations on this Rapport with their counts, and opening, suspending and reopening them. */
@Controller
class OperatorPages {

    private static final int AUDIT_SHOWN = 20;

    private final OperatorConsole console;
    private final Operators operators;
    private final PublicAddress address;

    OperatorPages(OperatorConsole console, Operators operators, PublicAddress address) {
        this.console = console;
        this.operators = operators;
        this.address = address;
    }

    @GetMapping("/operator")
    String organisations(Model model) {
        return page(model, OpenOrganisation.blank(), Map.of());
    }

    @PostMapping("/operator/organisations")
    String open(@ModelAttribute("form") OpenOrganisation form, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        String email = form.adminEmail() == null ? "" : form.adminEmail().strip().toLowerCase(Locale.ROOT);
        try {
            NewOrganisation organisation = NewOrganisation.from(form.name(), form.timeZone(), form.locale(), form.country());
            operators.open(organisation, email, form.adminName() == null ? "" : form.adminName(), address.of(request));
            redirect.addFlashAttribute("flash", "Opened " + organisation.name() + ". Its first admin's invitation is on its"
                    + " way to " + email + "; the link works for 72 hours.");
            return "redirect:/operator";
        } catch (SettingsRefused refused) {
            return page(model, form, Map.of(refused.setting(), refused.getMessage()));
        }
    }

    @PostMapping("/operator/organisations/{id}/suspend")
    String suspend(@PathVariable UUID id, RedirectAttributes redirect) {
        operators.suspend(new OrganisationId(id));
        redirect.addFlashAttribute("flash", "Suspended: its staff cannot sign in until it is reopened.");
        return "redirect:/operator";
    }

    @PostMapping("/operator/organisations/{id}/admin-invitation")
    String resendInvitation(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            operators.resendFirstInvitation(new OrganisationId(id), address.of(request));
            redirect.addFlashAttribute("flash", "Sent the first admin's invitation again, with a new link for 72 hours.");
        } catch (RuleBroken refused) {
            redirect.addFlashAttribute("flashError", refused.getMessage());
        }
        return "redirect:/operator";
    }

    @PostMapping("/operator/encryption/keys")
    String addPrimaryKey(RedirectAttributes redirect) {
        try {
            console.addPrimaryKey();
            redirect.addFlashAttribute("flash", "A new primary key encrypts from now on; older text is being re-encrypted "
                    + "under it in the background.");
        } catch (RuleBroken refused) {
            redirect.addFlashAttribute("flashError", refused.getMessage());
        }
        return "redirect:/operator#encryption";
    }

    @PostMapping("/operator/encryption/reencryption")
    String reencrypt(RedirectAttributes redirect) {
        try {
            console.reencrypt();
            redirect.addFlashAttribute("flash", "Older text is being re-encrypted under the primary key in the background.");
        } catch (RuleBroken refused) {
            redirect.addFlashAttribute("flashError", refused.getMessage());
        }
        return "redirect:/operator#encryption";
    }

    @PostMapping("/operator/organisations/{id}/reopen")
    String reopen(@PathVariable UUID id, RedirectAttributes redirect) {
        operators.reopen(new OrganisationId(id));
        redirect.addFlashAttribute("flash", "Reopened: its staff can sign in again.");
        return "redirect:/operator";
    }

    private String page(Model model, OpenOrganisation form, Map<String, String> errors) {
        java.util.List<OrganisationOverview> organisations = console.organisations();
        model.addAttribute("organisations", organisations);
        model.addAttribute("audit", operators.auditTrail(AUDIT_SHOWN));
        model.addAttribute("encryption", console.encryption());
        model.addAttribute("form", form);
        model.addAttribute("locales", NewOrganisation.localeChoices());
        model.addAttribute("errors", errors);
        return "operator/organisations";
    }
}
