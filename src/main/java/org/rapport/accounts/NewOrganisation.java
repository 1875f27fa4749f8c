package org.rapport.accounts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to open an organisation: its name, the time zone its days run in, the locale its
 * dates are written in, and (if given) its country as an ISO 3166 two-letter code.
 */
public record NewOrganisation(String name, ZoneId timeZone, Locale locale, @Nullable String country) {

    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/London");
    public static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("en-GB");

    /** The locales offered: each also says how dates are written. */
    public static final List<String> LOCALES = List.of("en-GB", "en-IE", "en-US", "en-CA", "en-AU", "en-NZ", "de-DE",
            "fr-FR", "nl-NL", "es-ES");

    /** The locales offered, each with how it is named and writes a date, for a form's list. */
    public static Map<String, String> localeChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        LocalDate example = LocalDate.of(2026, 12, 31);
        for (String tag : LOCALES) {
            Locale locale = Locale.forLanguageTag(tag);
            choices.put(tag, locale.getDisplayName(Locale.UK) + " — dates like "
                    + DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale).format(example));
        }
        return choices;
    }

    /**
     * An organisation as typed in a form or sent to the API: the time zone as a region and city, the
     * locale one of {@link #LOCALES}, the country a two-letter code or empty.
     *
     * @throws SettingsRefused naming the field at fault: {@code name}, {@code timeZone}, {@code locale} or {@code country}
     */
    public static NewOrganisation from(@Nullable String name, @Nullable String timeZone, @Nullable String locale,
            @Nullable String country) {
        String typedName = name == null ? "" : name.strip();
        if (typedName.isEmpty() || typedName.length() > 200) {
            throw new SettingsRefused("name", "The organisation needs a name of at most 200 characters.");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE.getId() : timeZone.strip());
        } catch (DateTimeException e) {
            throw new SettingsRefused("timeZone", "Give a time zone as a region and city, such as Europe/London.");
        }
        String tag = locale == null || locale.isBlank() ? DEFAULT_LOCALE.toLanguageTag() : locale.strip();
        if (!LOCALES.contains(tag)) {
            throw new SettingsRefused("locale", "Choose a language and date format from: " + String.join(", ", LOCALES) + ".");
        }
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!code.isEmpty() && !java.util.Set.of(Locale.getISOCountries()).contains(code)) {
            throw new SettingsRefused("country", "Give the country as its two-letter code, such as GB or IE, or leave it empty.");
        }
        return new NewOrganisation(typedName, zone, Locale.forLanguageTag(tag), code.isEmpty() ? null : code);
    }

    /** An organisation with the defaults the schema gives: Europe/London, en-GB, no country. */
    public static NewOrganisation named(String name) {
        return new NewOrganisation(name, DEFAULT_TIME_ZONE, DEFAULT_LOCALE, null);
    }
}
