package org.rapport.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.PasswordNotChanged;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's page for changing their own password. Passwords are never sent back into a form;
 * an error names the field at fault and stays beside it.
 */
@Controller
class PasswordPages {

    private final AccountManagement accounts;

    PasswordPages(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("minLength")
    int minLength() {
        return NewAccount.MIN_PASSWORD_LENGTH;
    }

    @GetMapping("/account/password")
    String page() {
        return "accounts/password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String replacement,
            @RequestParam(defaultValue = "") String repeated, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!replacement.equals(repeated)) {
            model.addAttribute("repeatedError", "The two new passwords are not the same; type it twice alike.");
            return "accounts/password";
        }
        try {
            accounts.changePassword(current, replacement, request.getSession().getId());
        } catch (PasswordNotChanged refused) {
            model.addAttribute(refused.field() == PasswordNotChanged.Field.CURRENT ? "currentError" : "replacementError",
                    refused.getMessage());
            return "accounts/password";
        }
        // A new session id too: whoever may have copied the old cookie holds nothing now.
        request.changeSessionId();
        redirect.addFlashAttribute("flash",
                "Your password is changed. Every other session of yours has been signed out; this one stays.");
        return "redirect:/account/password";
    }
}
