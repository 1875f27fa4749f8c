package org.rapport.measures.web;

import org.rapport.measures.AnswerFields;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.measures.InstrumentDefinition;
import org.rapport.measures.InvalidAnswers;
import org.rapport.measures.MeasureManagement;
import org.rapport.measures.SentLink;
import org.rapport.relationships.RelationshipId;
import org.rapport.sessions.SessionId;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The helper's measures pages: send a client a link to answer, and enter the client's answers in a session. */
@Controller
class MeasurePages {

    private final MeasureManagement measures;

    MeasurePages(MeasureManagement measures) {
        this.measures = measures;
    }

    @PostMapping("/relationships/{id}/measures/send")
    String send(@PathVariable UUID id, @RequestParam(name = "instrument", defaultValue = "") String instrument,
            RedirectAttributes redirect) {
        try {
            SentLink link = measures.send(new RelationshipId(id), instrument);
            String address = ServletUriComponentsBuilder.fromCurrentContextPath().path(link.path()).toUriString();
            redirect.addFlashAttribute("measureLink", address);
            redirect.addFlashAttribute("measureName", measures.instrument(instrument).label());
            redirect.addFlashAttribute("flash", "Link made. Copy it now and send it to the client: it is shown only once.");
        } catch (RuleBroken e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/relationships/" + id + "#measures";
    }

    @GetMapping("/relationships/{id}/measures/{key}/enter")
    String enterForm(@PathVariable UUID id, @PathVariable String key,
            @RequestParam(name = "session", required = false) @Nullable UUID session, Model model) {
        InstrumentDefinition instrument = measures.instrumentToEnter(new RelationshipId(id), key);
        return page(model, id, instrument, Map.of(), session, null);
    }

    @PostMapping("/relationships/{id}/measures/{key}/enter")
    String enter(@PathVariable UUID id, @PathVariable String key, @RequestParam Map<String, String> params,
            @RequestParam(name = "session", required = false) @Nullable UUID session, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        InstrumentDefinition instrument = measures.instrumentToEnter(new RelationshipId(id), key);
        try {
            measures.enterInSession(new RelationshipId(id), key, AnswerFields.read(instrument, params),
                    session == null ? null : new SessionId(session));
        } catch (InvalidAnswers e) {
            response.setStatus(422);
            return page(model, id, instrument, AnswerFields.lenient(instrument, params), session, e.getMessage());
        }
        redirect.addFlashAttribute("flash", instrument.label() + " answers saved and scored.");
        return "redirect:/relationships/" + id + "#measures";
    }

    private static String page(Model model, UUID id, InstrumentDefinition instrument, Map<String, Integer> answers,
            @Nullable UUID session, @Nullable String problem) {
        model.addAttribute("relationshipId", id);
        model.addAttribute("instrument", instrument);
        model.addAttribute("answers", answers);
        model.addAttribute("session", session);
        model.addAttribute("problem", problem);
        return "measures/enter";
    }
}
