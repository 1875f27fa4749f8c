package org.rapport.relationships;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.rapport.accounts.CurrentUser;
import org.rapport.accounts.Role;
import org.rapport.people.HelperId;
import org.rapport.people.PeopleDirectory;
import org.springframework.stereotype.Component;

/**
 * Who may see and who may change a relationship, within one organisation (row-level security
 * already keeps the other organisations out): an admin sees and changes everything; a helper the
 * relationships they are a party to; a supervisor also sees those of the helpers they supervise,
 * without changing them.
 */
@Component
class RelationshipAccess {

    private final PeopleDirectory people;

    RelationshipAccess(PeopleDirectory people) {
        this.people = people;
    }

    boolean maySee(CurrentUser user, Relationship relationship) {
        if (user.isAdmin()) return true;
        return visibleHelpers(user).stream().anyMatch(relationship::hasHelper);
    }

    boolean mayChange(CurrentUser user, Relationship relationship) {
        if (user.isAdmin()) return true;
        return user.is(Role.HELPER) && user.helper().map(relationship::hasHelper).orElse(false);
    }

    /** The helpers whose relationships this user sees; empty for an admin, who sees all. */
    Set<UUID> visibleHelpers(CurrentUser user) {
        Set<UUID> helpers = new HashSet<>();
        if (user.helperId() == null) return helpers;
        if (user.is(Role.HELPER) || user.is(Role.SUPERVISOR)) helpers.add(user.helperId());
        if (user.is(Role.SUPERVISOR)) {
            people.superviseesOf(new HelperId(user.helperId())).forEach(h -> helpers.add(h.value()));
        }
        return helpers;
    }
}
