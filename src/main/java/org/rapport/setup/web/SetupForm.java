package org.rapport.setup.web;

import org.jspecify.annotations.Nullable;

/** The setup page as typed. The password is never sent back to the page. */
record SetupForm(@Nullable String code, @Nullable String organisationName, @Nullable String timeZone,
        @Nullable String locale, @Nullable String country, @Nullable String adminName, @Nullable String adminEmail,
        @Nullable String password) {

    static SetupForm blank(String code) {
        return new SetupForm(code, "", "Europe/London", "en-GB", "", "", "", null);
    }

    SetupForm withoutPassword() {
        return new SetupForm(code, organisationName, timeZone, locale, country, adminName, adminEmail, null);
    }

    @Override
    public String toString() {
        return "SetupForm[" + organisationName + ", " + adminEmail + "]";
    }
}
