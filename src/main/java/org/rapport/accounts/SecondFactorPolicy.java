package org.rapport.accounts;

import java.util.Set;

/** Who in an organisation must sign in with a second factor as well as their password. */
public enum SecondFactorPolicy {
    NOBODY("Nobody (not advised)"),
    ADMINS("Organisation admins"),
    ALL_STAFF("All staff");

    private final String label;

    SecondFactorPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether someone with these roles must use a second factor under this policy. */
    public boolean requires(Set<Role> roles) {
        return switch (this) {
            case NOBODY -> false;
            case ADMINS -> roles.contains(Role.ADMIN);
            case ALL_STAFF -> roles.contains(Role.ADMIN) || roles.contains(Role.SUPERVISOR) || roles.contains(Role.HELPER);
        };
    }
}
