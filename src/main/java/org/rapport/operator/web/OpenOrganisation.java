package org.rapport.operator.web;

import org.jspecify.annotations.Nullable;

/**
 * An organisation to open, as typed on the operator's page or sent to the API, with its first
 * admin, who is invited by email. The time zone, locale and country may be left out.
 */
record OpenOrganisation(@Nullable String name, @Nullable String timeZone, @Nullable String locale,
        @Nullable String country, @Nullable String adminName, @Nullable String adminEmail) {

    static OpenOrganisation blank() {
        return new OpenOrganisation("", "Europe/London", "en-GB", "", "", "");
    }
}
