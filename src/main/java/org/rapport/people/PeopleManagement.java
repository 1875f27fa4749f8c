package org.rapport.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.CurrentUser;
import org.rapport.accounts.Invitations;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.Role;
import org.rapport.audit.AuditTrail;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes who is who: adds helpers (with a sign-in account when they need one), forms teams, links
 * supervisors, and registers client parties and the members who join and leave them.
 *
 * <p>Every registration or change of a client party, and every reading of one client party's
 * record, is written to the audit trail in the same transaction, without any of the client's
 * content. It does not decide who may see a client party: callers check that first.
 */
@Service
@Transactional
public class PeopleManagement {

    static final String CLIENT_PARTY = "client party";

    private final Helpers helpers;
    private final Teams teams;
    private final Supervisions supervisions;
    private final ClientParties clientParties;
    private final AccountManagement accounts;
    private final Invitations invitations;
    private final AuditTrail audit;
    private final Clock clock;

    PeopleManagement(Helpers helpers, Teams teams, Supervisions supervisions, ClientParties clientParties,
            AccountManagement accounts, Invitations invitations, AuditTrail audit, Clock clock) {
        this.invitations = invitations;
        this.helpers = helpers;
        this.teams = teams;
        this.supervisions = supervisions;
        this.clientParties = clientParties;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a helper. With a sign-in name, also opens their account, linked to the helper record and
     * holding the roles given (just helper when none are); the two are stored together or not at all.
     */
    public HelperId addHelper(NewHelper helper) {
        String name = Names.require(helper.name(), "A helper needs a name of 1 to " + Names.LONGEST + " characters.");
        if (helper.discipline() == null) {
            throw new RuleBroken("Choose the helper's discipline.");
        }
        boolean signsIn = helper.username() != null && !helper.username().isBlank();
        if (!signsIn && helper.password() != null && !helper.password().isEmpty()) {
            throw new RuleBroken("An initial password needs a sign-in name to go with it. "
                    + "Give both, or leave both empty if the helper will not sign in.");
        }
        if (!AccountManagement.STAFF_ROLES.containsAll(helper.roles())) {
            throw new RuleBroken("A helper's account can hold the roles organisation admin, supervisor and helper.");
        }
        HelperId id = new HelperId(UUID.randomUUID());
        helpers.add(id, name, helper.discipline(), clock.instant());
        if (signsIn) {
            Set<Role> roles = helper.roles().isEmpty() ? Set.of(Role.HELPER) : helper.roles();
            accounts.openAccount(new NewAccount(helper.username(), helper.password() == null ? "" : helper.password(),
                    name, roles, id.value()));
            helpers.recordSignInName(id, accounts.usernameOfHelper(id.value()).orElseThrow());
        }
        return id;
    }

    /**
     * Adds a helper and invites them by email: their account's sign-in name is the address, and
     * they choose its password from the link mailed to them (which starts with {@code linkBase}).
     * The helper, the account, the invitation and its mail are stored together or not at all.
     */
    public HelperId inviteHelper(HelperInvitation invitation, String linkBase) {
        String name = Names.require(invitation.name(), "A helper needs a name of 1 to " + Names.LONGEST + " characters.");
        if (invitation.discipline() == null) {
            throw new RuleBroken("Choose the helper's discipline.");
        }
        if (!AccountManagement.STAFF_ROLES.containsAll(invitation.roles())) {
            throw new RuleBroken("A helper's account can hold the roles organisation admin, supervisor and helper.");
        }
        HelperId id = new HelperId(UUID.randomUUID());
        helpers.add(id, name, invitation.discipline(), clock.instant());
        Set<Role> roles = invitation.roles().isEmpty() ? Set.of(Role.HELPER) : invitation.roles();
        invitations.invite(invitation.email(), name, roles, id.value(), linkBase);
        helpers.recordSignInName(id, accounts.usernameOfHelper(id.value()).orElseThrow());
        return id;
    }

    /** The signed-in person's own profile. */
    @Transactional(readOnly = true)
    public Profile myProfile() {
        CurrentUser me = CurrentUser.require();
        return me.helper().flatMap(id -> helpers.profile(new HelperId(id)))
                .orElseGet(() -> new Profile(me.displayName(), null, null, null, null));
    }

    /**
     * Changes the signed-in person's own profile. Their name changes on their account and, with the
     * rest, on their helper record; a member of staff who is not a helper changes only their name.
     *
     * @throws RuleBroken naming what is wrong
     */
    public Profile changeMyProfile(Profile change) {
        CurrentUser me = CurrentUser.require();
        String name = Names.require(change.name(), "Give your name, of 1 to " + Names.LONGEST + " characters.");
        accounts.renameMe(name);
        if (me.helper().isEmpty()) return new Profile(name, null, null, null, null);
        if (change.discipline() == null) throw new RuleBroken("Choose your discipline from the list.");
        Profile profile = new Profile(name, optional(change.pronouns(), Profile.LONGEST_PRONOUNS, "Your pronouns"),
                change.discipline(), optional(change.registrationBody(), Profile.LONGEST_BODY, "The registration body"),
                optional(change.registrationNumber(), Profile.LONGEST_NUMBER, "The registration number"));
        if ((profile.registrationBody() == null) != (profile.registrationNumber() == null)) {
            throw new RuleBroken("Give both the body you are registered with and your number there, or neither.");
        }
        helpers.changeProfile(new HelperId(me.helper().get()), profile);
        return profile;
    }

    private static @Nullable String optional(@Nullable String text, int longest, String what) {
        if (text == null || text.isBlank()) return null;
        String value = text.strip();
        if (value.length() > longest || value.contains("\n") || value.contains("\r")) {
            throw new RuleBroken(what + " is one line of at most " + longest + " characters.");
        }
        return value;
    }

    /** Forms a team under a name no other team of the organisation has, with these helpers as its members. */
    public TeamId formTeam(String name, List<HelperId> members) {
        String teamName = Names.require(name, "A team needs a name of 1 to " + Names.LONGEST + " characters.");
        if (teams.nameTaken(teamName)) {
            throw new RuleBroken("There is already a team called '" + teamName + "'. Choose another name.");
        }
        Set<HelperId> distinct = new LinkedHashSet<>(members);
        for (HelperId member : distinct) {
            requireHelper(member);
        }
        TeamId id = new TeamId(UUID.randomUUID());
        teams.form(id, teamName, clock.instant());
        distinct.forEach(member -> teams.join(id, member, clock.instant()));
        return id;
    }

    public void joinTeam(TeamId team, HelperId helper) {
        requireTeam(team);
        Helper joining = requireHelper(helper);
        if (teams.isMember(team, helper)) {
            throw new RuleBroken(joining.name() + " is already a member of this team.");
        }
        teams.join(team, helper, clock.instant());
    }

    public void leaveTeam(TeamId team, HelperId helper) {
        requireTeam(team);
        Helper leaving = requireHelper(helper);
        if (!teams.leave(team, helper)) {
            throw new RuleBroken(leaving.name() + " is not a member of this team.");
        }
    }

    /** Records that one helper supervises another's work. Nobody supervises themselves, and each link is made once. */
    public void linkSupervisor(HelperId supervisor, HelperId supervisee) {
        Helper by = requireHelper(supervisor);
        Helper of = requireHelper(supervisee);
        if (supervisor.equals(supervisee)) {
            throw new RuleBroken("A helper cannot supervise themselves. Choose two different helpers.");
        }
        if (supervisions.exists(supervisor, supervisee)) {
            throw new RuleBroken(by.name() + " already supervises " + of.name() + ".");
        }
        supervisions.link(supervisor, supervisee, clock.instant());
    }

    public void unlinkSupervisor(HelperId supervisor, HelperId supervisee) {
        Helper by = requireHelper(supervisor);
        Helper of = requireHelper(supervisee);
        if (!supervisions.unlink(supervisor, supervisee)) {
            throw new RuleBroken(by.name() + " does not supervise " + of.name() + ".");
        }
    }

    /** Registers a client party with its first members, who must suit its kind (see {@link ClientPartyKind}). */
    public ClientPartyId registerClientParty(NewClientParty party) {
        NewClientParty checked = MembershipRules.registration(party, today());
        ClientPartyId id = new ClientPartyId(UUID.randomUUID());
        clientParties.register(id, checked.kind(), checked.name(), clock.instant());
        checked.members().forEach(member -> clientParties.addMember(id, new MemberId(UUID.randomUUID()), member));
        audit.changed(CLIENT_PARTY, id.value(), id.value(),
                "registered a " + checked.kind().label().toLowerCase() + " with " + count(checked.members().size()));
        return id;
    }

    /** A client party's record, every member past and current. The reading is audited. */
    public ClientParty clientParty(ClientPartyId id) {
        ClientParty party = clientParties.find(id).orElseThrow(() -> new RecordNotFound("client"));
        audit.read(CLIENT_PARTY, id.value(), id.value(), "opened the client's record");
        return party;
    }

    public MemberId addMember(ClientPartyId party, NewClientMember member) {
        ClientParty current = clientParties.findForChange(party).orElseThrow(() -> new RecordNotFound("client"));
        NewClientMember checked = MembershipRules.joining(current, member, today());
        MemberId id = new MemberId(UUID.randomUUID());
        clientParties.addMember(party, id, checked);
        audit.changed(CLIENT_PARTY, party.value(), party.value(), "member joined");
        return id;
    }

    public void recordMemberLeft(ClientPartyId party, MemberId member, LocalDate leftOn) {
        ClientParty current = clientParties.findForChange(party).orElseThrow(() -> new RecordNotFound("client"));
        MembershipRules.leaving(current, member, leftOn, today());
        clientParties.recordLeft(party, member, leftOn);
        audit.changed(CLIENT_PARTY, party.value(), party.value(), "member left");
    }

    private Helper requireHelper(HelperId id) {
        return helpers.find(id).orElseThrow(() -> new RecordNotFound("helper"));
    }

    private void requireTeam(TeamId id) {
        if (!teams.lock(id)) throw new RecordNotFound("team");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String count(int members) {
        return members == 1 ? "1 member" : members + " members";
    }
}
