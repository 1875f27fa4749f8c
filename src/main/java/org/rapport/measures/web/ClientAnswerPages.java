package org.rapport.measures.web;

import org.rapport.measures.AnswerFields;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rapport.measures.ClientForm;
import org.rapport.measures.InvalidAnswers;
import org.rapport.measures.LinkNotUsable;
import org.rapport.measures.MeasureManagement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page a client answers a questionnaire on, opened from the one-time link they were sent: no
 * sign-in, the secret in the address is the key. A link that cannot be used gets one calm page
 * (410 Gone) whatever the reason, so it reveals nothing.
 */
@Controller
class ClientAnswerPages {

    private final MeasureManagement measures;

    ClientAnswerPages(MeasureManagement measures) {
        this.measures = measures;
    }

    @GetMapping("/m/thanks")
    String thanks(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return "measures/client-thanks";
    }

    @GetMapping("/m/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        try {
            ClientForm form = measures.openByLink(token);
            return page(model, token, form, form.answers(), null);
        } catch (LinkNotUsable e) {
            return gone(response);
        }
    }

    @PostMapping("/m/{token}")
    String save(@PathVariable String token, @RequestParam Map<String, String> params,
            @RequestParam(name = "action", defaultValue = "") String action, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        response.setHeader("Cache-Control", "no-store");
        ClientForm form;
        try {
            form = measures.openByLink(token);
        } catch (LinkNotUsable e) {
            return gone(response);
        }
        boolean finished = !"save".equals(action);
        try {
            measures.saveByLink(token, AnswerFields.read(form.instrument(), params), finished);
        } catch (LinkNotUsable e) {
            return gone(response);
        } catch (InvalidAnswers e) {
            response.setStatus(422);
            return page(model, token, form, AnswerFields.lenient(form.instrument(), params), e.getMessage());
        }
        if (finished) {
            // The thanks page has no link to read the organisation from: it is told what to show.
            redirect.addFlashAttribute("crisisInformation", form.crisisInformation());
            return "redirect:/m/thanks";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/m/" + token;
    }

    private static String page(Model model, String token, ClientForm form, Map<String, Integer> answers, @Nullable String problem) {
        model.addAttribute("token", token);
        model.addAttribute("form", form);
        model.addAttribute("instrument", form.instrument());
        model.addAttribute("answers", answers);
        model.addAttribute("problem", problem);
        return "measures/client-form";
    }

    private static String gone(HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        return "measures/client-gone";
    }
}
