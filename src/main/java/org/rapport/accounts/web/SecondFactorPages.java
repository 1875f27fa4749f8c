package org.rapport.accounts.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.CurrentUser;
import org.rapport.accounts.SecondFactorEnrolment;
import org.rapport.accounts.SecondFactors;
import org.rapport.accounts.SignInSecondStep;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second factor's pages: the code asked for at sign-in, setting one up (at sign-in when the
 * organisation requires it, or by choice), and a person's own page to renew recovery codes or
 * turn it off.
 */
@Controller
class SecondFactorPages {

    /** A set-up begun from the person's own page, kept in their session until a code confirms it. */
    private static final String ENROLMENT = "rapport.second-factor.enrolment";
    private static final String WRONG = "That code does not match. Type the six digits your app shows now, "
            + "or one of your recovery codes.";
    private static final String PAUSED = "Sign-in is paused for a while, because several codes did not match. "
            + "Please try again later.";

    private final SignInSecondStep secondStep;
    private final SecondFactors secondFactors;

    SecondFactorPages(SignInSecondStep secondStep, SecondFactors secondFactors) {
        this.secondStep = secondStep;
        this.secondFactors = secondFactors;
    }

    @GetMapping("/login/code")
    ModelAndView codePage() {
        return codePage(null);
    }

    @PostMapping("/login/code")
    @Nullable ModelAndView code(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response) throws IOException, ServletException {
        return switch (secondStep.code(code, request, response)) {
            case SIGNED_IN -> null; // already sent on to the page they asked for
            case WRONG -> codePage(WRONG);
            case PAUSED -> codePage(PAUSED);
        };
    }

    private ModelAndView codePage(@Nullable String error) {
        ModelAndView page = new ModelAndView("accounts/second-factor-code");
        page.addObject("pending", secondStep.pending().orElseThrow());
        page.addObject("error", error);
        return page;
    }

    @GetMapping("/login/set-up")
    String signInSetUp(HttpServletRequest request, Model model) {
        return setUpPage(model, secondStep.setUp(request), "/login/set-up", true, null);
    }

    @PostMapping("/login/set-up")
    String confirmSignInSetUp(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            model.addAttribute("codes", secondStep.confirmSetUp(code, request, response));
            return "accounts/recovery-codes";
        } catch (RuleBroken wrong) {
            return setUpPage(model, secondStep.setUp(request), "/login/set-up", true, wrong.getMessage());
        }
    }

    @GetMapping("/account/second-factor")
    String ownPage(Model model) {
        CurrentUser me = CurrentUser.require();
        boolean enabled = secondFactors.hasSecondFactor(me.accountId());
        model.addAttribute("enabled", enabled);
        model.addAttribute("recoveryCodesLeft", enabled ? secondFactors.recoveryCodesLeft() : 0);
        model.addAttribute("required", secondFactors.policy().requires(me.roles()));
        return "accounts/second-factor";
    }

    @GetMapping("/account/second-factor/set-up")
    String ownSetUp(HttpSession session, Model model) {
        Object kept = session.getAttribute(ENROLMENT);
        SecondFactorEnrolment enrolment = kept instanceof SecondFactorEnrolment e ? e : secondFactors.begin();
        session.setAttribute(ENROLMENT, enrolment);
        return setUpPage(model, enrolment, "/account/second-factor/set-up", false, null);
    }

    @PostMapping("/account/second-factor/set-up")
    String confirmOwnSetUp(@RequestParam(defaultValue = "") String code, HttpSession session, Model model) {
        if (!(session.getAttribute(ENROLMENT) instanceof SecondFactorEnrolment enrolment)) {
            return "redirect:/account/second-factor/set-up";
        }
        try {
            List<String> codes = secondFactors.confirm(enrolment, code);
            session.removeAttribute(ENROLMENT);
            model.addAttribute("codes", codes);
            return "accounts/recovery-codes";
        } catch (RuleBroken wrong) {
            return setUpPage(model, enrolment, "/account/second-factor/set-up", false, wrong.getMessage());
        }
    }

    @PostMapping("/account/second-factor/recovery-codes")
    String newRecoveryCodes(Model model) {
        model.addAttribute("codes", secondFactors.newRecoveryCodes());
        return "accounts/recovery-codes";
    }

    @PostMapping("/account/second-factor/remove")
    String remove(RedirectAttributes redirect) {
        if (secondFactors.policy().requires(CurrentUser.require().roles())) {
            redirect.addFlashAttribute("flashError", "Your organisation requires a second factor for your role.");
        } else {
            secondFactors.remove();
            redirect.addFlashAttribute("flash", "The second factor is off: you sign in with your password alone.");
        }
        return "redirect:/account/second-factor";
    }

    private static String setUpPage(Model model, SecondFactorEnrolment enrolment, String action, boolean required,
            @Nullable String error) {
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("action", action);
        model.addAttribute("required", required);
        model.addAttribute("error", error);
        return "accounts/second-factor-set-up";
    }
}
