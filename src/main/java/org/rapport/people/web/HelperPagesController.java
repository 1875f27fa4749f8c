package org.rapport.people.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import java.util.stream.Collectors;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.InvitationView;
import org.rapport.accounts.Invitations;
import org.rapport.accounts.PasswordResets;
import org.rapport.platform.PublicAddress;
import org.rapport.accounts.CurrentUser;
import org.rapport.accounts.SecondFactors;
import org.rapport.accounts.Role;
import org.rapport.people.Discipline;
import org.rapport.people.HelperSummary;
import org.rapport.people.NewHelper;
import org.rapport.people.PeopleDirectory;
import org.rapport.people.PeopleManagement;
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
 * The admin's list of helpers, and the form that adds one (with a sign-in account if they need it);
 * a helper whose sign-in is paused after failed attempts can be unlocked from the list.
 */
@Controller
class HelperPagesController {


    private final PeopleDirectory directory;
    private final PeopleManagement people;
    private final AccountManagement accounts;
    private final SecondFactors secondFactors;
    private final Invitations invitations;
    private final PasswordResets resets;
    private final PublicAddress address;

    HelperPagesController(PeopleDirectory directory, PeopleManagement people, AccountManagement accounts,
            SecondFactors secondFactors, Invitations invitations, PasswordResets resets, PublicAddress address) {
        this.resets = resets;
        this.address = address;
        this.secondFactors = secondFactors;
        this.invitations = invitations;
        this.directory = directory;
        this.people = people;
        this.accounts = accounts;
    }

    /** What the admin typed; the password is never sent back to the page. */
    public record HelperForm(
            @NotBlank(message = "Give the helper's name.") @Size(max = 120, message = "A name has at most 120 characters.") @Nullable String name,
            @NotNull(message = "Choose the helper's discipline.") @Nullable Discipline discipline,
            @Size(max = 120, message = "A sign-in name has at most 120 characters.") @Nullable String username,
            @Size(max = 200, message = "A password has at most 200 characters.") @Nullable String password,
            @Nullable Set<Role> roles) {

        static HelperForm empty() {
            return new HelperForm("", null, "", "", EnumSet.of(Role.HELPER));
        }

        /** The typed text back from the request, for when a tampered choice stopped the form binding. */
        static HelperForm typed(HttpServletRequest request) {
            return new HelperForm(request.getParameter("name"), null, request.getParameter("username"), "",
                    EnumSet.noneOf(Role.class));
        }

        public boolean hasRole(Role role) {
            return roles != null && roles.contains(role);
        }

        @Override
        public String toString() {
            return "HelperForm[" + name + ", " + username + "]";
        }
    }

    @GetMapping("/admin/helpers")
    String list(Model model) {
        return page(model, HelperForm.empty(), Map.of(), null);
    }

    @PostMapping("/admin/helpers")
    String add(@Valid @ModelAttribute("form") @Nullable HelperForm form, BindingResult result, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        HelperForm typed = form == null ? HelperForm.typed(request) : form;
        if (form == null || result.hasErrors()) {
            return page(model, typed, FormErrors.of(result, Map.of("discipline", "Choose a discipline from the list.",
                    "roles", "Choose roles from the list.")), null);
        }
        try {
            people.addHelper(new NewHelper(form.name(), form.discipline(), blankToNull(form.username()),
                    blankToNull(form.password()), form.roles() == null ? Set.of() : form.roles()));
        } catch (RuleBroken refusal) {
            return page(model, typed, Map.of(), refusal.getMessage());
        }
        redirect.addFlashAttribute("flash", "Added " + form.name().strip() + ".");
        return "redirect:/admin/helpers";
    }

    /** Lifts the pause on a helper's sign-in after failed attempts. */
    @PostMapping("/admin/helpers/unlock")
    String unlock(@RequestParam(defaultValue = "") String username, RedirectAttributes redirect) {
        try {
            accounts.unlockSignIn(username);
            redirect.addFlashAttribute("flash", "Sign-in unlocked for " + username + ".");
        } catch (RecordNotFound refusal) {
            redirect.addFlashAttribute("flashError", refusal.getMessage());
        }
        return "redirect:/admin/helpers";
    }

    /** Deactivates a helper who has left: no more sign-in, their sessions and API tokens ended, their history kept. */
    @PostMapping("/admin/helpers/deactivate")
    String deactivate(@RequestParam(defaultValue = "") String username, RedirectAttributes redirect) {
        try {
            accounts.deactivate(username);
            redirect.addFlashAttribute("flash", "Deactivated " + username + ": they can no longer sign in, and "
                    + "their sessions and API tokens have ended. Their history stays, still in their name; hand over"
                    + " the work they led from their open work.");
        } catch (RecordNotFound | RuleBroken refusal) {
            redirect.addFlashAttribute("flashError", refusal.getMessage());
        }
        return "redirect:/admin/helpers";
    }

    /** Resets the second factor of a helper who lost their phone and recovery codes. */
    @PostMapping("/admin/helpers/reset-second-factor")
    String resetSecondFactor(@RequestParam(defaultValue = "") String username, RedirectAttributes redirect) {
        try {
            secondFactors.reset(username);
            redirect.addFlashAttribute("flash", "Reset the second factor of " + username + ": they set up a new one "
                    + "at their next sign-in.");
        } catch (RecordNotFound refusal) {
            redirect.addFlashAttribute("flashError", refusal.getMessage());
        }
        return "redirect:/admin/helpers";
    }

    /** Gives a helper's account other roles; they hold from the helper's next sign-in. */
    @PostMapping("/admin/helpers/roles")
    String changeRoles(@RequestParam(defaultValue = "") String username,
            @RequestParam(name = "roles", required = false) @Nullable List<String> roles, RedirectAttributes redirect) {
        Set<Role> chosen = roles == null ? Set.of() : AccountManagement.STAFF_ROLES.stream()
                .filter(role -> roles.contains(role.name())).collect(Collectors.toSet());
        try {
            accounts.changeRoles(username, chosen);
            redirect.addFlashAttribute("flash", "Changed the roles of " + username + ". They hold from their next "
                    + "sign-in; any session they had open has ended.");
        } catch (RecordNotFound | RuleBroken refusal) {
            redirect.addFlashAttribute("flashError", refusal.getMessage());
        }
        return "redirect:/admin/helpers";
    }

    /** Mails a member of staff a link to choose a new password; the admin never sees it. */
    @PostMapping("/admin/helpers/password-reset")
    String sendPasswordReset(@RequestParam(defaultValue = "") String username, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            resets.sendByAdmin(username, address.of(request));
            redirect.addFlashAttribute("flash", "Sent " + username + " a link to choose a new password; it works for an hour."
                    + " Their password stays as it is until they use it.");
        } catch (RuleBroken | RecordNotFound refusal) {
            redirect.addFlashAttribute("flashError", refusal.getMessage());
        }
        return "redirect:/admin/helpers";
    }

    @PostMapping("/admin/helpers/reactivate")
    String reactivate(@RequestParam(defaultValue = "") String username, RedirectAttributes redirect) {
        try {
            accounts.reactivate(username);
            redirect.addFlashAttribute("flash", "Reactivated " + username + ": they can sign in again.");
        } catch (RecordNotFound refusal) {
            redirect.addFlashAttribute("flashError", refusal.getMessage());
        }
        return "redirect:/admin/helpers";
    }

    private String page(Model model, HelperForm form, Map<String, String> errors, @Nullable String problem) {
        List<HelperSummary> helpers = directory.helperSummaries();
        model.addAttribute("helpers", helpers);
        model.addAttribute("pausedSignIns", helpers.stream().map(summary -> summary.helper().username())
                .filter(username -> username != null && accounts.signInPausedUntil(username).isPresent())
                .collect(Collectors.toSet()));
        model.addAttribute("deactivated", accounts.deactivated());
        model.addAttribute("withSecondFactor", secondFactors.accountsWithSecondFactor());
        // Only invitations not yet accepted are shown: an accepted one is an account like any other.
        model.addAttribute("invitations", invitations.ofOrganisation().stream().filter(InvitationView::resendable)
                .collect(Collectors.toMap(InvitationView::username, invitation -> invitation)));
        model.addAttribute("me", CurrentUser.require().username());
        model.addAttribute("disciplines", Arrays.asList(Discipline.values()));
        model.addAttribute("roles", AccountManagement.STAFF_ROLES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "people/helpers";
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
