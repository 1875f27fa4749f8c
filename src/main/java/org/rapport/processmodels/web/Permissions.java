package org.rapport.processmodels.web;

import org.rapport.accounts.CurrentUser;
import org.rapport.accounts.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may read and who may add process models. The admin pages are guarded by the security
 * configuration already; these checks cover the HTTP API and the read-only page staff share.
 */
final class Permissions {

    private Permissions() {
    }

    /** Everyone who works in the organisation reads models; clients do not. */
    static void requireStaff() {
        CurrentUser user = CurrentUser.require();
        if (!(user.isAdmin() || user.is(Role.SUPERVISOR) || user.is(Role.HELPER))) {
            throw new AccessDeniedException("process models are for staff");
        }
    }

    static void requireAdmin() {
        if (!CurrentUser.require().isAdmin()) {
            throw new AccessDeniedException("only an organisation admin adds process models");
        }
    }
}
