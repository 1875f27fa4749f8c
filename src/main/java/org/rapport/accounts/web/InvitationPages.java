package org.rapport.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import org.rapport.accounts.InvitationLinkNotUsable;
import org.rapport.accounts.InvitationToAccept;
import org.rapport.accounts.Invitations;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.PasswordNotChanged;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an invitation's link opens, with nobody signed in: the person sees who they are and
 * where, and chooses their password. A link that does not work gets one answer, whatever the reason.
 */
@Controller
class InvitationPages {

    private final Invitations invitations;

    InvitationPages(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitation/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            return form(token, invitations.opened(token), model);
        } catch (InvitationLinkNotUsable e) {
            return notUsable(model, response);
        }
    }

    @PostMapping("/invitation/{token}")
    String accept(@PathVariable String token, @RequestParam(defaultValue = "") String replacement,
            @RequestParam(defaultValue = "") String repeated, Model model, HttpServletResponse response) {
        try {
            InvitationToAccept invited = invitations.opened(token);
            if (!replacement.equals(repeated)) {
                model.addAttribute("repeatedError", "The two passwords are not the same; type it twice alike.");
                return form(token, invited, model);
            }
            try {
                model.addAttribute("username", invitations.accept(token, replacement));
            } catch (PasswordNotChanged refused) {
                model.addAttribute("replacementError", refused.getMessage());
                return form(token, invited, model);
            }
        } catch (InvitationLinkNotUsable e) {
            return notUsable(model, response);
        }
        return "accounts/invitation-accepted";
    }

    private static String form(String token, InvitationToAccept invited, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("invited", invited);
        model.addAttribute("minLength", NewAccount.MIN_PASSWORD_LENGTH);
        return "accounts/invitation";
    }

    private static String notUsable(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("heading", "This invitation link does not work");
        model.addAttribute("message", InvitationLinkNotUsable.MESSAGE);
        return "accounts/link-not-usable";
    }
}
