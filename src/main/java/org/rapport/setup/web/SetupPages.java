package org.rapport.setup.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rapport.setup.FirstOrganisation;
import org.rapport.accounts.NewOrganisation;
import org.rapport.setup.FirstRunSetup;
import org.rapport.setup.SetupCodeRefused;
import org.rapport.setup.SetupRefused;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sets up the first organisation and its admin, once, with the code Rapport printed at start. */
@Controller
class SetupPages {

    static final List<String> LOCALES = NewOrganisation.LOCALES;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final FirstRunSetup setup;

    SetupPages(FirstRunSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/setup")
    String show(@RequestParam(required = false) @Nullable String code, Model model, HttpServletResponse response) {
        if (setup.isSetUp()) return "redirect:/login";
        if (!setup.codeOpensThePage(code)) return refused(response);
        return page(model, SetupForm.blank(code), Map.of(), null);
    }

    @PostMapping("/setup")
    String setUp(@ModelAttribute("form") SetupForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        // Set up already: whatever code this carries has been used, and nothing more is opened.
        if (setup.isSetUp()) return refused(response);
        if (!setup.codeOpensThePage(form.code())) return refused(response);
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(form.organisationName())) errors.put("organisationName", "Give the organisation's name.");
        ZoneId zone = null;
        try {
            zone = ZoneId.of(text(form.timeZone()));
        } catch (DateTimeException e) {
            errors.put("timeZone", "Give a time zone as a region and city, such as Europe/London.");
        }
        if (!LOCALES.contains(text(form.locale()))) errors.put("locale", "Choose a language and date format from the list.");
        String country = text(form.country()).toUpperCase(Locale.ROOT);
        if (!country.isEmpty() && !COUNTRIES.contains(country)) {
            errors.put("country", "Give the country as its two-letter code, such as GB or IE, or leave it empty.");
        }
        if (blank(form.adminName())) errors.put("adminName", "Give the admin's name.");
        if (blank(form.adminEmail())) errors.put("adminEmail", "Give the admin's email address.");
        if (blank(form.password())) errors.put("password", "Choose a password for the admin.");
        if (!errors.isEmpty()) return page(model, form.withoutPassword(), errors, null);
        try {
            setup.setUp(form.code(), new FirstOrganisation(text(form.organisationName()), zone,
                    Locale.forLanguageTag(text(form.locale())), country.isEmpty() ? null : country,
                    text(form.adminName()), text(form.adminEmail()), form.password()));
        } catch (SetupCodeRefused e) {
            return refused(response);
        } catch (SetupRefused refusal) {
            String field = refusal.field() == null ? null : switch (refusal.field()) {
                case "name" -> "organisationName";
                case "adminPassword" -> "password";
                default -> refusal.field();
            };
            if (field == null) return page(model, form.withoutPassword(), Map.of(), refusal.getMessage());
            return page(model, form.withoutPassword(), Map.of(field, refusal.getMessage()), null);
        }
        redirect.addFlashAttribute("flash", "Rapport is set up. Sign in with the admin's email address and password.");
        return "redirect:/login";
    }

    private String page(Model model, SetupForm form, Map<String, String> errors, @Nullable String problem) {
        model.addAttribute("form", form);
        model.addAttribute("locales", NewOrganisation.localeChoices());
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "setup/setup";
    }

    private static String refused(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "setup/refused";
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static String text(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
