package org.rapport.accounts.web;

import java.util.Map;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.NewOrganisation;
import org.rapport.accounts.OrganisationSettings;
import org.rapport.accounts.SettingsRefused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An admin's page of the organisation's own settings: its name, time zone, language and date
 * format, country, the name its mail goes under, and what clients are told to do if they need help
 * now. A refused setting is said beside its field, with everything typed kept.
 */
@Controller
class OrganisationSettingsPages {


    private final AccountManagement accounts;

    OrganisationSettingsPages(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/organisation")
    String page(Model model) {
        return page(model, accounts.organisationSettings(), Map.of());
    }

    @PostMapping("/admin/organisation")
    String change(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String timeZone,
            @RequestParam(defaultValue = "") String locale, @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String mailSenderName, @RequestParam(defaultValue = "") String crisisInformation,
            @RequestParam(defaultValue = "") String recordsKeptYears, Model model, RedirectAttributes redirect) {
        String years = recordsKeptYears.strip();
        Integer kept = years.matches("[0-9]{1,3}") ? Integer.valueOf(years) : null;
        OrganisationSettings typed = new OrganisationSettings(name, timeZone, locale, country, mailSenderName,
                crisisInformation, kept);
        if (!years.isEmpty() && kept == null) {
            // Not a number: said beside the field, with everything else kept as typed.
            model.addAttribute("typedYears", years.length() > 10 ? years.substring(0, 10) : years);
            return page(model, typed, Map.of("recordsKeptYears", "Give how long records are kept as a whole number of "
                    + "years, such as 8, or leave it empty."));
        }
        try {
            accounts.changeOrganisationSettings(typed);
        } catch (SettingsRefused refused) {
            return page(model, typed, Map.of(refused.setting(), refused.getMessage()));
        }
        redirect.addFlashAttribute("flash", "The organisation's settings are saved.");
        return "redirect:/admin/organisation";
    }

    private static String page(Model model, OrganisationSettings settings, Map<String, String> errors) {
        model.addAttribute("settings", settings);
        model.addAttribute("locales", NewOrganisation.localeChoices());
        model.addAttribute("errors", errors);
        model.addAttribute("defaultCrisis", OrganisationSettings.DEFAULT_CRISIS);
        return "accounts/organisation";
    }
}
