package org.rapport.accounts;

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

    /** An organisation with the defaults the schema gives: Europe/London, en-GB, no country. */
    public static NewOrganisation named(String name) {
        return new NewOrganisation(name, DEFAULT_TIME_ZONE, DEFAULT_LOCALE, null);
    }
}
