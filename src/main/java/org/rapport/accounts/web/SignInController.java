package org.rapport.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    // Left in the session by the sign-in form's failure handler (SecurityConfiguration), read once here.
    private static final String TYPED_USERNAME = "rapport.sign-in.username";
    private static final String PAUSED_MINUTES = "rapport.sign-in.paused-minutes";

    @GetMapping("/login")
    String signIn(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            model.addAttribute("username", session.getAttribute(TYPED_USERNAME));
            model.addAttribute("pausedMinutes", session.getAttribute(PAUSED_MINUTES));
            session.removeAttribute(TYPED_USERNAME);
            session.removeAttribute(PAUSED_MINUTES);
        }
        return "accounts/sign-in";
    }
}
