package org.rapport.processmodels.web;

import java.util.Set;
import java.util.UUID;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.Role;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;

/** A fresh organisation with an admin, a helper and a client who can sign in; no real people. */
record Staff(OrganisationId organisation, String admin, String helper, String client) {

    static final String PASSWORD = "a-long-password-123";

    static Staff open(AccountManagement accounts) {
        OrganisationId organisation = accounts.openOrganisation("Riverside Counselling");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Staff staff = new Staff(organisation, "ada-" + suffix, "hal-" + suffix, "cal-" + suffix);
        Tenancy.runAs(organisation, () -> {
            accounts.openAccount(new NewAccount(staff.admin(), PASSWORD, "Ada Admin", Set.of(Role.ADMIN), null));
            accounts.openAccount(new NewAccount(staff.helper(), PASSWORD, "Hal Helper", Set.of(Role.HELPER), null));
            accounts.openAccount(new NewAccount(staff.client(), PASSWORD, "Cal Client", Set.of(Role.CLIENT), null));
        });
        return staff;
    }

    static String aModel(String key, String name) {
        return """
                key: %s
                name: %s
                description: A model written for these tests.
                phases:
                  - key: walking
                    name: Walking
                    purpose: Talk while walking, side by side.
                    tasks:
                      - Walk side by side
                    move-on-when:
                      - The client has said what matters
                  - key: ending
                    name: Ending
                    ending: true
                    purpose: Close well.
                    tasks:
                      - Say goodbye
                """.formatted(key, name);
    }

    /** Two problems, on lines 8 and 9, besides the missing move-on signs reported at the phase (line 5). */
    static final String TWO_MISTAKES = """
            key: walk-and-talk
            name: Walk and talk
            description: A model written for these tests.
            phases:
              - key: walking
                name: Walking
                purpose: Talk while walking, side by side.
                tasks: []
                move-on-whn:
                  - The client has said what matters
              - key: ending
                name: Ending
                ending: true
                purpose: Close well.
                tasks:
                  - Say goodbye
            """;
}
