package org.rapport.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks people up: helpers, teams, supervision links, and the names of client parties for lists.
 * It hands out names and links only, never a client's record, so nothing here is audited; reading a
 * client party's record goes through {@link PeopleManagement#clientParty(ClientPartyId)}.
 */
@Service
@Transactional(readOnly = true)
public class PeopleDirectory {

    private final Helpers helpers;
    private final Teams teams;
    private final Supervisions supervisions;
    private final ClientParties clientParties;
    private final AccountManagement accounts;
    private final Clock clock;

    PeopleDirectory(Helpers helpers, Teams teams, Supervisions supervisions, ClientParties clientParties,
            AccountManagement accounts, Clock clock) {
        this.helpers = helpers;
        this.teams = teams;
        this.supervisions = supervisions;
        this.clientParties = clientParties;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Optional<Helper> helper(HelperId id) {
        return helpers.find(id);
    }

    /** Every helper of the organisation, by name. */
    public List<Helper> helpers() {
        return helpers.all();
    }

    /** Every helper by name, with the roles of their sign-in account, for the admin's list. */
    public List<HelperSummary> helperSummaries() {
        return helpers.all().stream().map(helper -> new HelperSummary(helper, rolesOf(helper))).toList();
    }

    /**
     * How many active helpers and client parties the organisation in scope has: numbers for its
     * operator, who may see no name. Counts name nobody, so they are not audited here.
     */
    public PeopleCounts counts() {
        return new PeopleCounts(helpers.countActive(), clientParties.count());
    }

    public Optional<Team> team(TeamId id) {
        return teams.find(id);
    }

    /** Every team by name, each with its members by name. */
    public List<Team> teams() {
        return teams.all();
    }

    public Set<HelperId> superviseesOf(HelperId supervisor) {
        return supervisions.superviseesOf(supervisor);
    }

    public Set<HelperId> supervisorsOf(HelperId supervisee) {
        return supervisions.supervisorsOf(supervisee);
    }

    /** Every supervision link, by supervisor's name then supervisee's name. */
    public List<SupervisionLink> supervisionLinks() {
        return supervisions.all();
    }

    /** Names of the helpers among these ids that the organisation has; unknown ids are left out. */
    public Map<HelperId, String> helperNames(Collection<HelperId> ids) {
        return helpers.names(ids);
    }

    /** Names of the client parties among these ids that the organisation has, for caseload lists. */
    public Map<ClientPartyId, String> clientPartyNames(Collection<ClientPartyId> ids) {
        return clientParties.names(ids);
    }

    /** These client parties, with their kind and how many current members each has today. */
    public Map<ClientPartyId, ClientPartySummary> clientPartySummaries(Collection<ClientPartyId> ids) {
        Map<ClientPartyId, ClientPartySummary> summaries = new java.util.LinkedHashMap<>();
        clientParties.summaries(LocalDate.now(clock), ids).forEach(s -> summaries.put(s.id(), s));
        return summaries;
    }

    /** Every client party by name, with how many current members it has today. */
    public List<ClientPartySummary> clientParties() {
        return clientParties.summaries(LocalDate.now(clock));
    }

    private Set<Role> rolesOf(Helper helper) {
        if (helper.username() == null) return Set.of();
        try {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (GrantedAuthority authority : accounts.loadUserByUsername(helper.username()).getAuthorities()) {
                String name = authority.getAuthority();
                if (name != null && name.startsWith("ROLE_")) roles.add(Role.valueOf(name.substring(5)));
            }
            return roles;
        } catch (UsernameNotFoundException e) {
            return Set.of();
        }
    }
}
