package org.rapport.people.web;

import java.util.EnumSet;
import java.util.Set;
import org.rapport.accounts.CurrentUser;
import org.rapport.accounts.Role;
import org.springframework.security.access.AccessDeniedException;

/** Who may use the people API: any member of staff may look, only an organisation admin may change. */
final class Staff {

    private static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.HELPER);

    private Staff() {
    }

    static void mayLook() {
        CurrentUser user = CurrentUser.require();
        if (user.roles().stream().noneMatch(STAFF::contains)) {
            throw new AccessDeniedException("only staff may see the organisation's people");
        }
    }

    static void mayChange() {
        if (!CurrentUser.require().isAdmin()) {
            throw new AccessDeniedException("only an organisation admin may change the organisation's people");
        }
    }
}
