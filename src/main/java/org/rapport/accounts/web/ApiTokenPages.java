package org.rapport.accounts.web;

import java.time.Clock;
import java.util.UUID;
import org.rapport.accounts.ApiTokenManagement;
import org.rapport.accounts.ApiTokenScope;
import org.rapport.accounts.IssuedApiToken;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's page of their own API tokens: issue one (shown once), see them, revoke one. */
@Controller
class ApiTokenPages {

    private final ApiTokenManagement tokens;
    private final Clock clock;

    ApiTokenPages(ApiTokenManagement tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/account/tokens")
    String page(Model model) {
        return show(model, "", "READ", String.valueOf(ApiTokenManagement.DEFAULT_DAYS), null);
    }

    @PostMapping("/account/tokens")
    String issue(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String scope,
            @RequestParam(defaultValue = "") String days, Model model) {
        ApiTokenScope chosen = "READ_WRITE".equals(scope) ? ApiTokenScope.READ_WRITE
                : "READ".equals(scope) ? ApiTokenScope.READ : null;
        int lasting;
        try {
            lasting = Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            return show(model, name, scope, days, "A token lasts from 1 to " + ApiTokenManagement.MAX_DAYS + " days.");
        }
        try {
            IssuedApiToken issued = tokens.issue(name, chosen, lasting);
            model.addAttribute("issued", issued);
            return show(model, "", "READ", String.valueOf(ApiTokenManagement.DEFAULT_DAYS), null);
        } catch (RuleBroken refused) {
            return show(model, name, scope, days, refused.getMessage());
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("flash", "Revoked the token. It no longer works.");
        return "redirect:/account/tokens";
    }

    private String show(Model model, String name, String scope, String days, String error) {
        model.addAttribute("tokens", tokens.mine());
        model.addAttribute("now", clock.instant());
        model.addAttribute("name", name);
        model.addAttribute("scope", scope);
        model.addAttribute("days", days);
        model.addAttribute("error", error);
        model.addAttribute("maxDays", ApiTokenManagement.MAX_DAYS);
        return "accounts/tokens";
    }
}
