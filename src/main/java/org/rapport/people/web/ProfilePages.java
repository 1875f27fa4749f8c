package org.rapport.people.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.Discipline;
import org.rapport.people.PeopleManagement;
import org.rapport.people.Profile;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone's own profile page: their name, and for helpers their pronouns, discipline and
 * professional registration. A refusal is shown above the form with everything typed kept.
 */
@Controller
class ProfilePages {

    private final PeopleManagement people;
    private final AccountManagement accounts;

    ProfilePages(PeopleManagement people, AccountManagement accounts) {
        this.people = people;
        this.accounts = accounts;
    }

    @GetMapping("/account/profile")
    String page(Model model) {
        return page(model, people.myProfile(), null);
    }

    @PostMapping("/account/profile")
    String change(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String pronouns,
            @RequestParam(defaultValue = "") String discipline, @RequestParam(defaultValue = "") String registrationBody,
            @RequestParam(defaultValue = "") String registrationNumber, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        Discipline chosen = Arrays.stream(Discipline.values()).filter(d -> d.name().equals(discipline)).findFirst().orElse(null);
        Profile typed = new Profile(name, pronouns, chosen, registrationBody, registrationNumber);
        try {
            people.changeMyProfile(typed);
        } catch (RuleBroken refusal) {
            boolean helper = people.myProfile().helper();
            return page(model, helper ? typed : new Profile(name, null, null, null, null), refusal.getMessage());
        }
        accounts.refreshSignedIn(request, response);
        redirect.addFlashAttribute("flash", "Your profile is saved.");
        return "redirect:/account/profile";
    }

    private static String page(Model model, Profile profile, @Nullable String problem) {
        model.addAttribute("profile", profile);
        model.addAttribute("disciplines", Arrays.asList(Discipline.values()));
        model.addAttribute("problem", problem);
        return "people/profile";
    }
}
