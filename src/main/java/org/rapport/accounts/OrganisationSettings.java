package org.rapport.accounts;

import org.jspecify.annotations.Nullable;

/**
 * An organisation's settings as its admins keep them: its name, the time zone its days run in, the
 * locale its dates are written in, its country (ISO 3166, two letters, if given), the name its mail
 * is sent under (its own name when none), what its clients are told to do if they need help now, and
 * for how many whole years after the work ends it keeps a client's records (empty: until an admin
 * decides; read by the work that will offer records for deletion).
 */
public record OrganisationSettings(String name, String timeZone, String locale, @Nullable String country,
        @Nullable String mailSenderName, @Nullable String crisisInformation, @Nullable Integer recordsKeptYears) {

    /** The settings without a retention period, as organisations had them before it was asked. */
    public OrganisationSettings(String name, String timeZone, String locale, @Nullable String country,
            @Nullable String mailSenderName, @Nullable String crisisInformation) {
        this(name, timeZone, locale, country, mailSenderName, crisisInformation, null);
    }

    public static final int LONGEST_KEPT_YEARS = 100;

    public static final int LONGEST_NAME = 200;
    public static final int LONGEST_SENDER = 120;
    public static final int LONGEST_CRISIS = 2000;

    /**
     * Shown to clients until the organisation writes its own: true everywhere, and pointing to help
     * that answers at any hour. The organisation's own text should name its local services.
     */
    public static final String DEFAULT_CRISIS = "If you feel you might harm yourself or someone else, or you are in"
            + " danger, call your local emergency number now, or go to the nearest emergency department. Your"
            + " answers here are not watched as you give them.";

    /** What clients are shown: the organisation's own words, or the default. */
    public String crisisShownToClients() {
        return crisisInformation == null || crisisInformation.isBlank() ? DEFAULT_CRISIS : crisisInformation;
    }
}
