package org.rapport.accounts.web;

import java.util.Arrays;
import org.rapport.accounts.SecondFactorPolicy;
import org.rapport.accounts.SecondFactors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An admin's page of how the organisation's staff sign in: who must use a second factor. */
@Controller
class SignInSecurityPages {

    private final SecondFactors secondFactors;

    SignInSecurityPages(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
    }

    @GetMapping("/admin/sign-in")
    String page(Model model) {
        model.addAttribute("policy", secondFactors.policy());
        model.addAttribute("policies", Arrays.asList(SecondFactorPolicy.values()));
        return "accounts/sign-in-security";
    }

    @PostMapping("/admin/sign-in")
    String change(@RequestParam(defaultValue = "") String policy, RedirectAttributes redirect) {
        SecondFactorPolicy chosen = Arrays.stream(SecondFactorPolicy.values()).filter(p -> p.name().equals(policy))
                .findFirst().orElse(null);
        if (chosen == null) {
            redirect.addFlashAttribute("flashError", "Choose who must use a second factor from the list.");
        } else {
            secondFactors.require(chosen);
            redirect.addFlashAttribute("flash", "Saved. " + chosen.label() + " must use a second factor"
                    + (chosen == SecondFactorPolicy.NOBODY ? " (nobody is asked to)." : "; they set one up at their next sign-in."));
        }
        return "redirect:/admin/sign-in";
    }
}
