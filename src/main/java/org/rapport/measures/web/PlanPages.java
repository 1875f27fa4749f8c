package org.rapport.measures.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.measures.InstrumentDefinition;
import org.rapport.measures.MeasureManagement;
import org.rapport.measures.MeasurementPlan;
import org.rapport.measures.PlanEntry;
import org.rapport.measures.PlanTiming;
import org.rapport.relationships.RelationshipId;
import org.rapport.shared.RuleBroken;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A relationship's measurement plan page, and the organisation's plan for new work: one row per instrument, with a box to include it, when
 * it is given, and the n of "every n sessions". The whole plan is saved at once or not at all.
 */
@Controller
class PlanPages {

    private static final int MAX_NUMBER_LENGTH = 6;

    private final MeasureManagement measures;

    PlanPages(MeasureManagement measures) {
        this.measures = measures;
    }

    @GetMapping("/relationships/{id}/measurement-plan")
    String show(@PathVariable UUID id, Model model) {
        MeasurementPlan plan = measures.plan(new RelationshipId(id));
        return page(model, id, plan, rowsOf(plan), null);
    }

    @PostMapping("/relationships/{id}/measurement-plan")
    String save(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RelationshipId relationship = new RelationshipId(id);
        try {
            measures.setPlan(relationship, planFrom(params));
        } catch (RuleBroken e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, id, measures.plan(relationship), rowsAsSent(params), e.getMessage());
        }
        redirect.addFlashAttribute("flash", "Measurement plan saved.");
        return "redirect:/relationships/" + id + "#measures";
    }

    @GetMapping("/admin/measurement-plan")
    String showDefault(Model model) {
        MeasurementPlan plan = measures.defaultPlan();
        return page(model, null, plan, rowsOf(plan), null);
    }

    @PostMapping("/admin/measurement-plan")
    String saveDefault(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            measures.setDefaultPlan(planFrom(params));
        } catch (RuleBroken e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, null, measures.defaultPlan(), rowsAsSent(params), e.getMessage());
        }
        redirect.addFlashAttribute("flash", "The measurement plan for new work is saved.");
        return "redirect:/admin/measurement-plan";
    }

    private List<PlanRow> rowsOf(MeasurementPlan plan) {
        Map<String, PlanEntry> byKey = new HashMap<>();
        plan.entries().forEach(entry -> byKey.put(entry.instrumentKey(), entry));
        List<PlanRow> rows = new ArrayList<>();
        for (InstrumentDefinition instrument : measures.instruments()) {
            PlanEntry entry = byKey.get(instrument.key());
            rows.add(new PlanRow(instrument.key(), instrument.label(), entry != null,
                    entry == null ? PlanTiming.EVERY_SESSION : entry.timing(),
                    entry == null || entry.every() == null ? "" : String.valueOf(entry.every())));
        }
        return rows;
    }

    /** The rows as sent, so a refused plan comes back as it was typed. */
    private List<PlanRow> rowsAsSent(MultiValueMap<String, String> params) {
        Set<String> chosen = new LinkedHashSet<>(params.getOrDefault("include", List.of()));
        List<PlanRow> rows = new ArrayList<>();
        for (InstrumentDefinition instrument : measures.instruments()) {
            rows.add(new PlanRow(instrument.key(), instrument.label(), chosen.contains(instrument.key()),
                    timingOr(params.getFirst("timing-" + instrument.key()), PlanTiming.EVERY_SESSION),
                    shortText(params.getFirst("every-" + instrument.key()))));
        }
        return rows;
    }

    private static List<PlanEntry> planFrom(MultiValueMap<String, String> params) {
        List<PlanEntry> plan = new ArrayList<>();
        for (String key : params.getOrDefault("include", List.of())) {
            // A missing or unknown timing is left for the module to refuse, with every other rule.
            PlanTiming timing = timingOr(params.getFirst("timing-" + key), null);
            Integer every = timing == PlanTiming.EVERY_N_SESSIONS ? number(params.getFirst("every-" + key)) : null;
            plan.add(new PlanEntry(key, timing, every));
        }
        return plan;
    }

    private static String page(Model model, @Nullable UUID id, MeasurementPlan plan, List<PlanRow> rows,
            @Nullable String problem) {
        model.addAttribute("relationshipId", id);
        model.addAttribute("action", id == null ? "/admin/measurement-plan" : "/relationships/" + id + "/measurement-plan");
        model.addAttribute("cancel", id == null ? "/admin" : "/relationships/" + id);
        model.addAttribute("plan", plan);
        model.addAttribute("rows", rows);
        model.addAttribute("timings", PlanTiming.values());
        model.addAttribute("problem", problem);
        return "measures/plan";
    }

    private static @Nullable Integer number(@Nullable String text) {
        if (text == null || text.isBlank()) return null;
        String trimmed = text.strip();
        if (trimmed.length() > MAX_NUMBER_LENGTH || !trimmed.matches("[0-9]+"))
            throw new RuleBroken("Say how many sessions apart as a whole number, from 2 to 52.");
        return Integer.valueOf(trimmed);
    }

    private static @Nullable PlanTiming timingOr(@Nullable String text, @Nullable PlanTiming otherwise) {
        if (text == null) return otherwise;
        for (PlanTiming timing : PlanTiming.values()) if (timing.name().equals(text)) return timing;
        return otherwise;
    }

    private static String shortText(@Nullable String text) {
        if (text == null) return "";
        return text.length() > MAX_NUMBER_LENGTH ? text.substring(0, MAX_NUMBER_LENGTH) : text;
    }

    /** One instrument on the plan page, as last saved or as just sent. */
    public record PlanRow(String key, String label, boolean included, PlanTiming timing, String every) {
    }
}
