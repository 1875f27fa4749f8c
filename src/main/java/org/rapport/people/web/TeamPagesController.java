package org.rapport.people.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.people.HelperId;
import org.rapport.people.PeopleDirectory;
import org.rapport.people.PeopleManagement;
import org.rapport.people.Team;
import org.rapport.people.TeamId;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's teams: who is in each, forming a new one, and adding or removing members. */
@Controller
class TeamPagesController {

    private final PeopleDirectory directory;
    private final PeopleManagement people;

    TeamPagesController(PeopleDirectory directory, PeopleManagement people) {
        this.directory = directory;
        this.people = people;
    }

    public record TeamForm(
            @NotBlank(message = "Give the team a name.") @Size(max = 120, message = "A team name has at most 120 characters.") @Nullable String name,
            @Nullable List<UUID> members) {

        static TeamForm empty() {
            return new TeamForm("", List.of());
        }

        public boolean includes(HelperId helper) {
            return members != null && members.contains(helper.value());
        }
    }

    record TeamMemberForm(@NotNull(message = "Choose a helper to add.") @Nullable UUID helperId) {
    }

    /** A refusal that belongs to one team's card on the page. */
    public record TeamProblem(UUID team, String message) {
    }

    @GetMapping("/admin/teams")
    String list(Model model) {
        return page(model, TeamForm.empty(), Map.of(), null, null);
    }

    @PostMapping("/admin/teams")
    String form(@Valid @ModelAttribute("form") @Nullable TeamForm form, BindingResult result, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        TeamForm typed = form == null ? new TeamForm(request.getParameter("name"), List.of()) : form;
        if (form == null || result.hasErrors()) {
            return page(model, typed, FormErrors.of(result, Map.of("members", "Choose members from the list.")),
                    null, null);
        }
        List<HelperId> members = form.members() == null ? List.of() : form.members().stream().map(HelperId::new).toList();
        try {
            people.formTeam(form.name(), members);
        } catch (RuleBroken refusal) {
            return page(model, typed, Map.of("name", refusal.getMessage()), null, null);
        }
        redirect.addFlashAttribute("flash", "Formed the team " + form.name().strip() + ".");
        return "redirect:/admin/teams";
    }

    @PostMapping("/admin/teams/{team}/members")
    String join(@PathVariable UUID team, @Valid @ModelAttribute("member") @Nullable TeamMemberForm member,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (member == null || result.hasErrors() || member.helperId() == null) {
            requireTeam(team);
            return page(model, TeamForm.empty(), Map.of(), new TeamProblem(team, "Choose a helper from the list."), null);
        }
        try {
            people.joinTeam(new TeamId(team), new HelperId(member.helperId()));
        } catch (RuleBroken refusal) {
            return page(model, TeamForm.empty(), Map.of(), new TeamProblem(team, refusal.getMessage()), null);
        }
        redirect.addFlashAttribute("flash", "Added " + name(member.helperId()) + " to the team.");
        return "redirect:/admin/teams";
    }

    @PostMapping("/admin/teams/{team}/members/{helper}/remove")
    String leave(@PathVariable UUID team, @PathVariable UUID helper, Model model, RedirectAttributes redirect) {
        try {
            people.leaveTeam(new TeamId(team), new HelperId(helper));
        } catch (RuleBroken refusal) {
            return page(model, TeamForm.empty(), Map.of(), new TeamProblem(team, refusal.getMessage()), null);
        }
        redirect.addFlashAttribute("flash", "Removed " + name(helper) + " from the team.");
        return "redirect:/admin/teams";
    }

    private String page(Model model, TeamForm form, Map<String, String> errors, @Nullable TeamProblem teamProblem,
            @Nullable String problem) {
        List<Team> teams = directory.teams();
        model.addAttribute("teams", teams);
        model.addAttribute("helpers", directory.helpers());
        model.addAttribute("names", directory.helperNames(teams.stream().flatMap(t -> t.members().stream()).toList()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("teamProblem", teamProblem);
        model.addAttribute("problem", problem);
        return "people/teams";
    }

    private void requireTeam(UUID team) {
        directory.team(new TeamId(team)).orElseThrow(() -> new RecordNotFound("team"));
    }

    private String name(UUID helper) {
        return directory.helperNames(List.of(new HelperId(helper))).getOrDefault(new HelperId(helper), "the helper");
    }
}
