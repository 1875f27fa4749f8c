package org.rapport.people.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rapport.people.Helper;
import org.rapport.people.HelperId;
import org.rapport.people.PeopleDirectory;
import org.rapport.people.PeopleManagement;
import org.rapport.people.SupervisionLink;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Who supervises whom, and the form that links or unlinks a supervisor and a supervisee. */
@Controller
class SupervisionPagesController {

    private final PeopleDirectory directory;
    private final PeopleManagement people;

    SupervisionPagesController(PeopleDirectory directory, PeopleManagement people) {
        this.directory = directory;
        this.people = people;
    }

    public record SupervisionForm(
            @NotNull(message = "Choose the supervisor.") @Nullable UUID supervisorId,
            @NotNull(message = "Choose the supervisee.") @Nullable UUID superviseeId) {

        static SupervisionForm empty() {
            return new SupervisionForm(null, null);
        }

        public boolean supervisorIs(HelperId helper) {
            return helper.value().equals(supervisorId);
        }

        public boolean superviseeIs(HelperId helper) {
            return helper.value().equals(superviseeId);
        }
    }

    /** One supervisor and everyone they supervise, for the list. */
    public record Supervises(HelperId supervisor, List<HelperId> supervisees) {
    }

    @GetMapping("/admin/supervision")
    String list(Model model) {
        return page(model, SupervisionForm.empty(), Map.of(), null);
    }

    @PostMapping("/admin/supervision")
    String link(@Valid @ModelAttribute("form") @Nullable SupervisionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (form == null || result.hasErrors()) {
            return page(model, form == null ? SupervisionForm.empty() : form, FormErrors.of(result,
                    Map.of("supervisorId", "Choose the supervisor from the list.",
                            "superviseeId", "Choose the supervisee from the list.")), null);
        }
        HelperId supervisor = new HelperId(form.supervisorId());
        HelperId supervisee = new HelperId(form.superviseeId());
        try {
            people.linkSupervisor(supervisor, supervisee);
        } catch (RuleBroken refusal) {
            return page(model, form, Map.of(), refusal.getMessage());
        }
        redirect.addFlashAttribute("flash", describe("now supervises", supervisor, supervisee));
        return "redirect:/admin/supervision";
    }

    @PostMapping("/admin/supervision/unlink")
    String unlink(@Valid @ModelAttribute("link") @Nullable SupervisionForm link, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (link == null || result.hasErrors()) {
            return page(model, SupervisionForm.empty(), Map.of(), "Choose a supervision link from the list to end.");
        }
        HelperId supervisor = new HelperId(link.supervisorId());
        HelperId supervisee = new HelperId(link.superviseeId());
        try {
            people.unlinkSupervisor(supervisor, supervisee);
        } catch (RuleBroken refusal) {
            return page(model, SupervisionForm.empty(), Map.of(), refusal.getMessage());
        }
        redirect.addFlashAttribute("flash", describe("no longer supervises", supervisor, supervisee));
        return "redirect:/admin/supervision";
    }

    private String page(Model model, SupervisionForm form, Map<String, String> errors, @Nullable String problem) {
        Map<HelperId, List<HelperId>> bySupervisor = new LinkedHashMap<>();
        for (SupervisionLink link : directory.supervisionLinks()) {
            bySupervisor.computeIfAbsent(link.supervisor(), key -> new ArrayList<>()).add(link.supervisee());
        }
        model.addAttribute("supervision", bySupervisor.entrySet().stream()
                .map(entry -> new Supervises(entry.getKey(), entry.getValue())).toList());
        List<Helper> helpers = directory.helpers();
        model.addAttribute("helpers", helpers);
        model.addAttribute("names", helpers.stream().collect(Collectors.toMap(Helper::id, Helper::name)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "people/supervision";
    }

    private String describe(String verb, HelperId supervisor, HelperId supervisee) {
        Map<HelperId, String> names = directory.helperNames(List.of(supervisor, supervisee));
        return names.getOrDefault(supervisor, "The supervisor") + " " + verb + " "
                + names.getOrDefault(supervisee, "the supervisee") + ".";
    }
}
