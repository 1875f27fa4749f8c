package org.rapport.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.PasswordNotChanged;
import org.rapport.accounts.PasswordResetToUse;
import org.rapport.accounts.PasswordResets;
import org.rapport.accounts.ResetLinkNotUsable;
import org.rapport.platform.PublicAddress;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot your password?": the page that asks for a link by email, answered the same whether or
 * not the address signs in anywhere, and the page the link opens to choose a new password.
 */
@Controller
class PasswordResetPages {

    static final int MAX_ADDRESS = 254;

    private final PasswordResets resets;
    private final PublicAddress address;

    PasswordResetPages(PasswordResets resets, PublicAddress address) {
        this.resets = resets;
        this.address = address;
    }

    @GetMapping("/forgot-password")
    String ask(Model model) {
        model.addAttribute("hours", PasswordResets.LIFETIME.toHours());
        return "accounts/forgot-password";
    }

    @PostMapping("/forgot-password")
    String asked(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        model.addAttribute("email", email);
        model.addAttribute("hours", PasswordResets.LIFETIME.toHours());
        if (email.isBlank() || email.length() > MAX_ADDRESS || !email.contains("@")) {
            model.addAttribute("emailError", "Give the email address you sign in with, such as name@example.org.");
            return "accounts/forgot-password";
        }
        resets.askedFor(email, request.getRemoteAddr(), address.of(request));
        return "accounts/reset-asked";
    }

    @GetMapping("/reset-password/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            return form(token, resets.opened(token), model);
        } catch (ResetLinkNotUsable e) {
            return notUsable(model, response);
        }
    }

    @PostMapping("/reset-password/{token}")
    String reset(@PathVariable String token, @RequestParam(defaultValue = "") String replacement,
            @RequestParam(defaultValue = "") String repeated, Model model, HttpServletResponse response) {
        try {
            PasswordResetToUse person = resets.opened(token);
            if (!replacement.equals(repeated)) {
                model.addAttribute("repeatedError", "The two passwords are not the same; type it twice alike.");
                return form(token, person, model);
            }
            try {
                model.addAttribute("username", resets.reset(token, replacement));
            } catch (PasswordNotChanged refused) {
                model.addAttribute("replacementError", refused.getMessage());
                return form(token, person, model);
            }
        } catch (ResetLinkNotUsable e) {
            return notUsable(model, response);
        }
        return "accounts/reset-done";
    }

    private static String form(String token, PasswordResetToUse person, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("person", person);
        model.addAttribute("minLength", NewAccount.MIN_PASSWORD_LENGTH);
        return "accounts/reset-password";
    }

    private static String notUsable(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("heading", "This link to choose a new password does not work");
        model.addAttribute("message", ResetLinkNotUsable.MESSAGE);
        return "accounts/link-not-usable";
    }
}
