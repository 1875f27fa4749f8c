package org.rapport.goals.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.goals.GoalHistory;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.GoalStatus;
import org.rapport.goals.GoalsOverview;
import org.rapport.goals.NewActionStep;
import org.rapport.goals.StepOwner;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.platform.FormErrors;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.sessions.SessionId;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The goals pages: identify a concern, set a goal, the goal page and its changes, and rating in a session. */
@Controller
class GoalPages {

    private static final String LEVEL_PREFIX = "level-";

    private final GoalManagement goals;
    private final RelationshipManagement relationships;
    private final Clock clock;

    GoalPages(GoalManagement goals, RelationshipManagement relationships, Clock clock) {
        this.goals = goals;
        this.relationships = relationships;
        this.clock = clock;
    }

    @GetMapping("/relationships/{id}/concerns/new")
    String newConcern(@PathVariable UUID id, Model model) {
        return concernForm(model, id, ConcernForm.blank(today()), List.of());
    }

    @PostMapping("/relationships/{id}/concerns")
    String addConcern(@PathVariable UUID id, @Valid @ModelAttribute("form") ConcernForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            String page = concernForm(model, id, form, List.of());
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", FormErrors.of(form, "form", binding, Map.of(
                    "identifiedOn", "Give the day the concern was identified as a date.")));
            return page;
        }
        try {
            goals.addConcern(new RelationshipId(id), form.concern());
            redirect.addFlashAttribute("flash", "Concern added. Set goals for it with the client.");
            return "redirect:/relationships/" + id + "#goals";
        } catch (RuleBroken e) {
            return concernForm(model, id, form, List.of(e.getMessage()));
        }
    }

    @GetMapping("/relationships/{id}/goals/new")
    String newGoal(@PathVariable UUID id, @RequestParam(name = "concern", required = false) @Nullable UUID concern,
            Model model) {
        GoalForm blank = GoalForm.blank(today());
        if (concern != null) {
            blank = new GoalForm(concern, "", "", "", "", "", "", "", -1, null, null, today(), GoalStatus.ACTIVE);
        }
        return goalForm(model, id, blank, List.of());
    }

    @PostMapping("/relationships/{id}/goals")
    String setGoal(@PathVariable UUID id, @Valid @ModelAttribute("form") GoalForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            String page = goalForm(model, id, form, List.of());
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", FormErrors.of(form, "form", binding, Map.of(
                    "concernId", "Choose a concern from the list.",
                    "baseline", "Choose the baseline from the levels −2 to +2.",
                    "importance", "Give the importance as a number from 0 to 3.",
                    "difficulty", "Give the difficulty as a number from 0 to 3.",
                    "setOn", "Give the day the goal was set as a date.",
                    "startAs", "Choose whether the goal starts proposed or active.")));
            return page;
        }
        try {
            GoalId goal = goals.setGoal(new RelationshipId(id), form.goal());
            redirect.addFlashAttribute("flash", "Goal set.");
            return "redirect:/goals/" + goal;
        } catch (RuleBroken e) {
            return goalForm(model, id, form, List.of(e.getMessage()));
        }
    }

    @GetMapping("/goals/{gid}")
    String goal(@PathVariable UUID gid, Model model) {
        GoalHistory history = goals.history(new GoalId(gid));
        model.addAttribute("h", history);
        model.addAttribute("g", history.goal());
        model.addAttribute("today", today());
        model.addAttribute("owners", StepOwner.values());
        return "goals/goal";
    }

    @PostMapping("/goals/{gid}/ratings")
    String rate(@PathVariable UUID gid, @RequestParam(name = "level", required = false) @Nullable String level,
            @RequestParam(name = "ratedOn", required = false) @Nullable LocalDate ratedOn, RedirectAttributes redirect) {
        return attempt(gid, redirect, "Rating saved.", () -> goals.rate(new GoalId(gid), level(level, "this goal"),
                ratedOn == null ? today() : ratedOn));
    }

    @PostMapping("/goals/{gid}/status")
    String changeStatus(@PathVariable UUID gid, @RequestParam(name = "to", required = false) @Nullable GoalStatus to,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @RequestParam(name = "version", defaultValue = "-1") int version, RedirectAttributes redirect) {
        return attempt(gid, redirect, "Status changed.", () -> goals.changeStatus(new GoalId(gid), version, to, reason));
    }

    @PostMapping("/goals/{gid}/action-steps")
    String addStep(@PathVariable UUID gid, @RequestParam(name = "description", defaultValue = "") String description,
            @RequestParam(name = "who", required = false) @Nullable StepOwner who,
            @RequestParam(name = "dueBy", required = false) @Nullable LocalDate dueBy, RedirectAttributes redirect) {
        return attempt(gid, redirect, "Step added.",
                () -> goals.addActionStep(new GoalId(gid), new NewActionStep(description, who, dueBy)));
    }

    @PostMapping("/goals/{gid}/action-steps/{step}/done")
    String completeStep(@PathVariable UUID gid, @PathVariable UUID step,
            @RequestParam(name = "doneOn", required = false) @Nullable LocalDate doneOn, RedirectAttributes redirect) {
        return attempt(gid, redirect, "Step ticked off.", () -> goals.completeActionStep(new GoalId(gid), step, doneOn));
    }

    /** Rates the goals chosen on the session page, all or none. */
    @PostMapping("/sessions/{sid}/goal-ratings")
    String rateInSession(@PathVariable UUID sid, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        try {
            Map<GoalId, Integer> levels = new LinkedHashMap<>();
            for (Map.Entry<String, String> param : params.entrySet()) {
                if (!param.getKey().startsWith(LEVEL_PREFIX) || param.getValue().isBlank()) continue;
                UUID goal;
                try {
                    goal = UUID.fromString(param.getKey().substring(LEVEL_PREFIX.length()));
                } catch (IllegalArgumentException e) {
                    throw new RuleBroken("The form named a goal Rapport does not know. Reload the page and try again.");
                }
                levels.put(new GoalId(goal), level(param.getValue(), "each goal").value());
            }
            int rated = goals.rateInSession(new SessionId(sid), levels);
            redirect.addFlashAttribute("flash", rated == 1 ? "1 goal rated." : rated + " goals rated.");
        } catch (RuleBroken e) {
            redirect.addFlashAttribute("flashError", e.getMessage() + " Nothing was saved.");
        }
        return "redirect:/sessions/" + sid + "#goal-ratings";
    }

    /** A level from the form: a whole number from −2 to +2, or a plain refusal. */
    private static AttainmentLevel level(@Nullable String text, String what) {
        if (text == null || text.isBlank()) throw new RuleBroken("Choose a level for " + what + ", from −2 to +2.");
        try {
            int value = Integer.parseInt(text.strip().replace('−', '-').replace("+", ""));
            if (!AttainmentLevel.isLevel(value)) throw new NumberFormatException();
            return new AttainmentLevel(value);
        } catch (NumberFormatException e) {
            throw new RuleBroken("A level is a whole number from −2 to +2; ‘" + shorten(text) + "’ is not one.");
        }
    }

    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    /** Runs a change made from the goal page; a refusal comes back to the page as a message. */
    private String attempt(UUID gid, RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", done);
        } catch (RuleBroken e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/goals/" + gid;
    }

    /** The concern form, shown again with its messages only to someone who may change the relationship. */
    private String concernForm(Model model, UUID relationship, ConcernForm form, List<String> problems) {
        relationships.describeForChange(new RelationshipId(relationship));
        model.addAttribute("relationshipId", relationship);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "goals/concern-form";
    }

    /** The goal form, shown again with its messages only to someone who may change the relationship. */
    private String goalForm(Model model, UUID relationship, GoalForm form, List<String> problems) {
        relationships.describeForChange(new RelationshipId(relationship));
        GoalsOverview overview = goals.goalsOf(new RelationshipId(relationship));
        model.addAttribute("relationshipId", relationship);
        model.addAttribute("concerns", overview.concerns());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("levels", List.of(-2, -1, 0, 1, 2).stream().map(AttainmentLevel::new).toList());
        return "goals/goal-form";
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
