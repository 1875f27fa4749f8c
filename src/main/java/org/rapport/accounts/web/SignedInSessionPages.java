package org.rapport.accounts.web;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.SignedInSessions;
import org.rapport.shared.RecordNotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's page of the sessions they are signed in with: see them, end one, or end all others. */
@Controller
class SignedInSessionPages {

    private final SignedInSessions sessions;

    SignedInSessionPages(SignedInSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/account/sessions")
    String page(@Nullable HttpSession session, Model model) {
        model.addAttribute("sessions", sessions.mine(session == null ? null : session.getId()));
        return "accounts/sessions";
    }

    @PostMapping("/account/sessions/{handle}/end")
    String end(@PathVariable String handle, RedirectAttributes redirect) {
        try {
            sessions.end(handle);
            redirect.addFlashAttribute("flash", "Ended the session. Whoever uses it next must sign in.");
        } catch (RecordNotFound gone) {
            redirect.addFlashAttribute("flashError", "That session has already ended.");
        }
        return "redirect:/account/sessions";
    }

    @PostMapping("/account/sessions/end-others")
    String endOthers(HttpSession session, RedirectAttributes redirect) {
        int ended = sessions.endAllBut(session.getId());
        redirect.addFlashAttribute("flash", ended == 0 ? "You had no other sessions."
                : "Ended " + ended + " other session" + (ended == 1 ? "" : "s") + ". This one stays signed in.");
        return "redirect:/account/sessions";
    }
}
