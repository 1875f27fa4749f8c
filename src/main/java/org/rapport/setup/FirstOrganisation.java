package org.rapport.setup;

import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The first organisation of a new Rapport and its first admin. The admin signs in with their email
 * address, lower-cased; the password is plain here and hashed before it is kept.
 */
public record FirstOrganisation(String name, ZoneId timeZone, Locale locale, @Nullable String country,
        String adminName, String adminEmail, String adminPassword) {

    @Override
    public String toString() {
        return "FirstOrganisation[" + name + ", " + adminEmail + "]";
    }
}
