package org.rapport.people.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Invitations;
import org.rapport.accounts.Role;
import org.rapport.mail.MailOutbox;
import org.rapport.people.Discipline;
import org.rapport.people.HelperInvitation;
import org.rapport.people.PeopleManagement;
import org.rapport.platform.PublicAddress;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An admin invites a helper by email, and sends an invitation again or withdraws it from the
 * helpers page. The invited person chooses their own password from the link in the mail.
 */
@Controller
class HelperInvitationPages {

    private final PeopleManagement people;
    private final Invitations invitations;
    private final MailOutbox outbox;
    private final PublicAddress address;

    HelperInvitationPages(PeopleManagement people, Invitations invitations, MailOutbox outbox, PublicAddress address) {
        this.people = people;
        this.invitations = invitations;
        this.outbox = outbox;
        this.address = address;
    }

    /** What the admin typed, shown again with any error. */
    public record InvitationForm(
            @NotBlank(message = "Give the helper's name.") @Size(max = 120, message = "A name has at most 120 characters.") @Nullable String name,
            @NotNull(message = "Choose the helper's discipline.") @Nullable Discipline discipline,
            @NotBlank(message = "Give the email address the invitation goes to.") @Size(max = 120, message = "An email address here has at most 120 characters.") @Nullable String email,
            @Nullable Set<Role> roles) {

        static InvitationForm empty() {
            return new InvitationForm("", null, "", EnumSet.of(Role.HELPER));
        }

        static InvitationForm typed(HttpServletRequest request) {
            return new InvitationForm(request.getParameter("name"), null, request.getParameter("email"), EnumSet.noneOf(Role.class));
        }

        public boolean hasRole(Role role) {
            return roles != null && roles.contains(role);
        }
    }

    @GetMapping("/admin/helpers/invite")
    String form(Model model) {
        return page(model, InvitationForm.empty(), Map.of(), null);
    }

    @PostMapping("/admin/helpers/invite")
    String invite(@Valid @ModelAttribute("form") @Nullable InvitationForm form, BindingResult result, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        InvitationForm typed = form == null ? InvitationForm.typed(request) : form;
        if (form == null || result.hasErrors()) {
            return page(model, typed, FormErrors.of(result, Map.of("discipline", "Choose a discipline from the list.",
                    "roles", "Choose roles from the list.")), null);
        }
        try {
            people.inviteHelper(new HelperInvitation(form.name(), form.discipline(), form.email(),
                    form.roles() == null ? Set.of() : form.roles()), address.of(request));
        } catch (RuleBroken refusal) {
            return page(model, typed, Map.of(), refusal.getMessage());
        }
        redirect.addFlashAttribute("flash", "Invited " + form.name().strip() + ". " + sentTo(form.email().strip().toLowerCase()));
        return "redirect:/admin/helpers";
    }

    @PostMapping("/admin/helpers/invitation/resend")
    String resend(@RequestParam(defaultValue = "") String username, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            invitations.resend(username, address.of(request));
            redirect.addFlashAttribute("flash", "Sent the invitation again. " + sentTo(username)
                    + " The earlier link no longer works.");
        } catch (RuleBroken | RecordNotFound refusal) {
            redirect.addFlashAttribute("flashError", refusal.getMessage());
        }
        return "redirect:/admin/helpers";
    }

    @PostMapping("/admin/helpers/invitation/withdraw")
    String withdraw(@RequestParam(defaultValue = "") String username, RedirectAttributes redirect) {
        try {
            invitations.withdraw(username);
            redirect.addFlashAttribute("flash", "Withdrew the invitation to " + username
                    + ": its link no longer works and the account cannot sign in. Send it again to undo this.");
        } catch (RuleBroken | RecordNotFound refusal) {
            redirect.addFlashAttribute("flashError", refusal.getMessage());
        }
        return "redirect:/admin/helpers";
    }

    private String sentTo(String email) {
        String hours = Invitations.LIFETIME.toHours() + " hours";
        return outbox.folder()
                .map(folder -> "No mail server is set, so the invitation to " + email + " is written to " + folder
                        + " (see Admin → Mail); its link works for " + hours + ".")
                .orElse("An email with a link to choose their password is on its way to " + email
                        + "; the link works for " + hours + ".");
    }

    private String page(Model model, InvitationForm form, Map<String, String> errors, @Nullable String problem) {
        model.addAttribute("disciplines", Arrays.asList(Discipline.values()));
        model.addAttribute("roles", AccountManagement.STAFF_ROLES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("hours", Invitations.LIFETIME.toHours());
        return "people/invite";
    }
}
