package org.rapport.followups.web;

import org.rapport.measures.AnswerFields;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rapport.followups.FollowUpForm;
import org.rapport.followups.FollowUpManagement;
import org.rapport.followups.LinkNotUsable;
import org.rapport.followups.ReconnectOffer;
import org.rapport.shared.RuleBroken;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages a former client opens from their links, with no sign-in: the follow-up check-in
 * ({@code /f/{token}}) and the way back in ({@code /reconnect/{token}}). A link that cannot be used
 * gets one calm page (410 Gone) whatever the reason, so it reveals nothing.
 */
@Controller
class ClientFollowUpPages {

    private final FollowUpManagement followUps;

    ClientFollowUpPages(FollowUpManagement followUps) {
        this.followUps = followUps;
    }

    @GetMapping("/f/thanks")
    String thanks(@RequestParam(name = "back", defaultValue = "false") boolean back, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("back", back);
        return "followups/thanks";
    }

    @GetMapping("/f/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        try {
            return page(model, token, followUps.openByLink(token), Map.of(), null, null, null);
        } catch (LinkNotUsable e) {
            return gone(response);
        }
    }

    @PostMapping("/f/{token}")
    String answer(@PathVariable String token, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        response.setHeader("Cache-Control", "no-store");
        FollowUpForm form;
        try {
            form = followUps.openByLink(token);
        } catch (LinkNotUsable e) {
            return gone(response);
        }
        String contact = params.getOrDefault("wantsContact", "").strip();
        Boolean wantsContact = switch (contact) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> null;
        };
        String words = params.get("words");
        try {
            boolean back = followUps.answerByLink(token, AnswerFields.read(form.instrument(), params), wantsContact, words).isPresent();
            redirect.addFlashAttribute("crisisInformation", form.crisisInformation());
            return "redirect:/f/thanks" + (back ? "?back=true" : "");
        } catch (LinkNotUsable e) {
            return gone(response);
        } catch (RuleBroken e) {
            response.setStatus(422);
            return page(model, token, form, AnswerFields.lenient(form.instrument(), params), contact, words, e.getMessage());
        }
    }

    @GetMapping("/reconnect/thanks")
    String reconnected(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return "followups/reconnect-thanks";
    }

    @GetMapping("/reconnect/{token}")
    String reconnect(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        try {
            ReconnectOffer offer = followUps.openReconnect(token);
            model.addAttribute("offer", offer);
            model.addAttribute("token", token);
            return "followups/reconnect";
        } catch (LinkNotUsable e) {
            return gone(response);
        } catch (RuleBroken e) {
            return refused(model, response, e);
        }
    }

    @PostMapping("/reconnect/{token}")
    String confirm(@PathVariable String token, @RequestParam(name = "words", required = false) @Nullable String words,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        response.setHeader("Cache-Control", "no-store");
        ReconnectOffer offer;
        try {
            offer = followUps.openReconnect(token);
        } catch (LinkNotUsable e) {
            return gone(response);
        } catch (RuleBroken e) {
            return refused(model, response, e);
        }
        try {
            followUps.confirmReconnect(token, words);
            redirect.addFlashAttribute("crisisInformation", offer.crisisInformation());
            return "redirect:/reconnect/thanks";
        } catch (LinkNotUsable e) {
            return gone(response);
        } catch (RuleBroken e) {
            response.setStatus(422);
            model.addAttribute("offer", offer);
            model.addAttribute("token", token);
            model.addAttribute("words", words);
            model.addAttribute("problem", e.getMessage());
            return "followups/reconnect";
        }
    }

    private static String page(Model model, String token, FollowUpForm form, Map<String, Integer> answers,
            @Nullable String contact, @Nullable String words, @Nullable String problem) {
        model.addAttribute("token", token);
        model.addAttribute("form", form);
        model.addAttribute("answers", answers);
        model.addAttribute("contact", contact == null ? "" : contact);
        model.addAttribute("words", words);
        model.addAttribute("problem", problem);
        return "followups/client-form";
    }

    private static String refused(Model model, HttpServletResponse response, RuleBroken e) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("message", e.getMessage());
        return "followups/reconnect-refused";
    }

    private static String gone(HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        return "followups/gone";
    }
}
