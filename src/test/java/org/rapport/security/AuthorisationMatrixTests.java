package org.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Operators;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.Role;
import org.rapport.goals.ConcernId;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.GoalStatus;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewActionStep;
import org.rapport.goals.NewConcern;
import org.rapport.goals.NewGoal;
import org.rapport.goals.StepOwner;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.notes.NoteId;
import org.rapport.notes.NoteManagement;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.Discipline;
import org.rapport.people.HelperId;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.NewHelper;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipOverview;
import org.rapport.relationships.Urgency;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every page and every API endpoint, tried by everyone who might knock: nobody signed in, a client,
 * two helpers, a supervisor, the organisation's admin and another organisation's admin, each
 * against a relationship of their own, one of a colleague and one of the other organisation.
 *
 * <p>Who may do what, in organisation A (Riverside) and B (Hillcrest):
 * <pre>
 *   who          sees        changes     admin pages
 *   anonymous    -           -           -          (pages: to the sign-in page; API: 401)
 *   client       -           -           -          (403 everywhere)
 *   h1           R1          R1          -
 *   h2           R2          R2          -
 *   supervisor   R1 (of h1)  -           -
 *   adminA       R1, R2      R1, R2      yes
 *   adminB       RB          RB          yes
 * </pre>
 * A relationship that is not seen answers 404, exactly as an unknown one does; a role that may
 * look but not change answers 403. Every change tried here is built to be refused (a stale
 * version, or a rule the domain enforces), so after each attempt nothing in either organisation
 * may have changed; and no answer may carry the name of a client the asker cannot see.
 *
 * <p>Each relationship also has a session still to come (S) with an unsigned note (U), a recorded
 * session (D) with a signed note (N) and a process note its helper wrote, a concern, and an active
 * goal (G) rated in D with an action step (T). Sessions, notes and goals follow the relationship's
 * rule, with one exception: a process note is its author's alone, so admins and supervisors may
 * neither read nor write one, and no answer to anybody else ever carries its words. No refusal
 * carries the note, the goal or the client of the record it refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTests {

    static final String PASSWORD = "a-long-password-123";
    static final String SIGN_IN = "/login";

    /** What an allowed look (a 200) must show of the record it was about: the positive control. */
    enum Shows { NOTHING, CLIENT, NOTE, DRAFT, GOAL, PROCESS_NOTE }

    /** One knock on one door, and the answer it must get. */
    record Attempt(String who, String method, String path, int expected, Shows shows) {
        Attempt(String who, String method, String path, int expected) {
            this(who, method, path, expected,
                    relationshipIn(path) && !path.endsWith("/timeline") && !path.endsWith("/handovers")
                            ? Shows.CLIENT : Shows.NOTHING);
        }

        @Override
        public String toString() {
            return who + " " + method + " " + path + " → " + (expected == LOGIN ? "sign-in page" : expected);
        }
    }

    /** Stands for "sent to the sign-in page" (a 302 to /login) in the expected column. */
    static final int LOGIN = -302;

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired SessionManagement sessions;
    @Autowired NoteManagement notes;
    @Autowired GoalManagement goals;
    @Autowired Operators operators;

    OrganisationId riverside;
    OrganisationId hillcrest;
    final Map<String, String> usernames = new LinkedHashMap<>();
    final Map<String, OrganisationId> organisationOf = new LinkedHashMap<>();
    /** R1, R2, RB and the ids that hang off them, by the token that stands for them in a path. */
    final Map<String, String> ids = new LinkedHashMap<>();
    final Map<String, String> clientNames = Map.of("R1", "Robin Fairweather", "R2", "Sasha Underwood",
            "RB", "Bex Orchard");
    /** The words kept in each relationship's records, which a refusal must never give back. */
    final Map<String, String> noteTexts = Map.of("R1", "Talked through the allotment evenings",
            "R2", "Described the long drive to the coast", "RB", "Planned the first swim since spring");
    final Map<String, String> draftTexts = Map.of("R1", "Draft about the kettle ritual",
            "R2", "Draft about the choir rehearsal", "RB", "Draft about the lighthouse walk");
    final Map<String, String> processTexts = Map.of("R1", "I felt a pull to rescue and held it",
            "R2", "I noticed my own impatience with the pauses", "RB", "I was moved by the photograph story");
    final Map<String, String> goalStatements = Map.of("R1", "To sleep through most nights by the autumn",
            "R2", "To phone my sister once a fortnight", "RB", "To swim twice a week again");
    /** Who wrote each relationship's process note: the only one who may ever read it. */
    static final Map<String, String> AUTHORS = Map.of("R1", "h1", "R2", "h2", "RB", "hb");
    /** A calendar feed token of h1's, opened before the attempts (some of which replace it). */
    String feedToken;

    @BeforeAll
    void openTwoOrganisations() {
        riverside = accounts.openOrganisation("Riverside Counselling");
        hillcrest = accounts.openOrganisation("Hillcrest Family Service");

        HelperId adminA = staff(riverside, "adminA", "Morgan Admin", Role.ADMIN);
        HelperId supervisor = staff(riverside, "supervisor", "Sam Supervisor", Role.SUPERVISOR, Role.HELPER);
        HelperId h1 = staff(riverside, "h1", "Ash Marlow", Role.HELPER);
        HelperId h2 = staff(riverside, "h2", "Bo Tern", Role.HELPER);
        String client = unique("quinn.client");
        Tenancy.runAs(riverside, () -> accounts.openAccount(
                new NewAccount(client, PASSWORD, "Quinn Client", Set.of(Role.CLIENT), null)));
        usernames.put("client", client);
        organisationOf.put("client", riverside);
        Tenancy.runAs(riverside, () -> people.linkSupervisor(supervisor, h1));
        // An operator of this Rapport: they run both organisations and belong to neither.
        String operator = unique("operator") + "@rapport-hosting.example";
        operators.create(operator, "Ola Operator", PASSWORD);
        usernames.put("operator", operator);

        staff(hillcrest, "adminB", "Lee Admin", Role.ADMIN);
        HelperId hb = staff(hillcrest, "hb", "Kit Hollow", Role.HELPER);

        refer("R1", "h1", h1);
        refer("R2", "h2", h2);
        refer("RB", "hb", hb);
        for (String r : List.of("R1", "R2", "RB")) keepRecords(r, AUTHORS.get(r));
        String feed = as("h1", () -> sessions.openCalendarFeed().path());
        feedToken = feed.substring("/calendar/".length(), feed.length() - ".ics".length());
        ids.put("H1", h1.value().toString());
        ids.put("HB", hb.value().toString());
        ids.put("TEAM", UUID.randomUUID().toString());
    }

    @AfterAll
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    HelperId staff(OrganisationId organisation, String who, String name, Role... roles) {
        String username = unique(who);
        HelperId helper = Tenancy.callAs(organisation, () -> people.addHelper(
                new NewHelper(name, Discipline.COUNSELLOR, username, PASSWORD, Set.of(roles))));
        usernames.put(who, username);
        organisationOf.put(who, organisation);
        return helper;
    }

    static String unique(String who) {
        return who.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void refer(String token, String lead, HelperId leadHelper) {
        String name = clientNames.get(token);
        LocalDate referredOn = LocalDate.now(clock).minusDays(3);
        RelationshipId id = as(lead, () -> relationships.refer(new NewReferral(
                new NewClientParty(ClientPartyKind.PERSON, name, List.of(new NewClientMember(name, referredOn))), null,
                new Referral("Brook Lane surgery", "Low mood and poor sleep", referredOn, Urgency.SOON), leadHelper,
                null, List.of(), "five-stage", null)));
        RelationshipOverview overview = as(lead, () -> relationships.overview(id));
        ids.put(token, id.toString());
        ids.put("C" + token.substring(1), overview.clientParty().id().toString());
        ids.put("M" + token.substring(1), overview.clientParty().members().get(0).id().toString());
    }

    /** A session to come with an unsigned note, a recorded one with a signed note and a process note, a rated goal. */
    void keepRecords(String r, String helper) {
        String n = r.substring(1);
        RelationshipId relationship = new RelationshipId(UUID.fromString(ids.get(r)));
        LocalDate today = LocalDate.now(clock);
        as(helper, () -> {
            SessionId scheduled = sessions.schedule(relationship,
                    new NewSession(today.plusDays(7), LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, null));
            SessionId done = sessions.recordUnscheduled(relationship,
                    new NewSession(today.minusDays(1), LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, null),
                    new SessionRecord(SessionOutcome.ATTENDED, Map.of(), Set.of()));
            NoteId note = notes.write(done, "soap", Map.of("Subjective", noteTexts.get(r), "Objective", "",
                    "Assessment", "", "Plan", ""));
            notes.sign(note, 0);
            NoteId draft = notes.write(scheduled, "free", Map.of("Note", draftTexts.get(r)));
            notes.writeProcessNote(done, processTexts.get(r));
            ConcernId concern = goals.addConcern(relationship, new NewConcern("Sleep and worry", today.minusDays(2)));
            GoalId goal = goals.setGoal(relationship, new NewGoal(concern, null, goalStatements.get(r),
                    new LevelDescriptions("Awake most nights", "Awake half the nights", "Asleep most nights",
                            "Asleep nearly every night", "Asleep every night"),
                    new AttainmentLevel(-1), null, null, today.minusDays(2), GoalStatus.ACTIVE));
            goals.rate(goal, new AttainmentLevel(0), null, done);
            UUID step = goals.addActionStep(goal, new NewActionStep("Keep a sleep diary", StepOwner.CLIENT,
                    today.plusDays(7)));
            ids.put("S" + n, scheduled.toString());
            ids.put("D" + n, done.toString());
            ids.put("N" + n, note.toString());
            ids.put("U" + n, draft.toString());
            ids.put("K" + n, concern.toString());
            ids.put("G" + n, goal.toString());
            ids.put("T" + n, step.toString());
            // A follow-up check-in, scheduled as closing would schedule it (not yet due, so creating its link is refused).
            UUID followUp = UUID.randomUUID();
            jdbc.sql("""
                    insert into follow_up (organisation_id, follow_up_id, relationship_id, client_party_id, helper_id, due_on,
                                           instrument_key, status, scheduled_at, version)
                    select rapport_current_organisation(), ?, r.relationship_id, r.client_party_id, h.helper_id, ?, 'phq-9',
                           'SCHEDULED', now(), 0
                    from relationship r join relationship_helper h on h.relationship_id = r.relationship_id and h.lead
                    where r.relationship_id = ?""")
                    .params(followUp, today.plusMonths(1), relationship.value()).update();
            ids.put("F" + n, followUp.toString());
            return null;
        });
    }

    <T> T as(String who, Supplier<T> work) {
        UserDetails details = accounts.loadUserByUsername(usernames.get(who));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        try {
            return Tenancy.callAs(organisationOf.get(who), work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    // ---- the table -------------------------------------------------------------------------------------------

    static final List<String> EVERYONE = List.of("anonymous", "client", "operator", "h1", "h2", "supervisor", "adminA",
            "adminB");
    static final List<String> STAFF = List.of("h1", "h2", "supervisor", "adminA", "adminB");
    static final List<String> ADMINS = List.of("adminA", "adminB");

    static final Map<String, Set<String>> SEES = Map.of("h1", Set.of("R1"), "h2", Set.of("R2"),
            "supervisor", Set.of("R1"), "adminA", Set.of("R1", "R2"), "adminB", Set.of("RB"));
    static final Map<String, Set<String>> CHANGES = Map.of("h1", Set.of("R1"), "h2", Set.of("R2"),
            "supervisor", Set.of(), "adminA", Set.of("R1", "R2"), "adminB", Set.of("RB"));

    /** Reads of one relationship, as pages. */
    static final List<String> RELATIONSHIP_PAGES = List.of("/relationships/{R}", "/relationships/{R}/phase",
            "/relationships/{R}/agreement/edit");

    /**
     * Changes of one relationship from its pages, each with the answer a person who may change it
     * gets: the change is refused by a rule (back to the page with a message) or as stale (409).
     */
    static final Map<String, Integer> RELATIONSHIP_FORMS = orderedMap(
            "/relationships/{R}/status", 409,
            "/relationships/{R}/phase", 409,
            "/relationships/{R}/tasks", 302,
            "/relationships/{R}/agreement", 409,
            "/relationships/{R}/agreement/1/acceptance", 302,
            "/relationships/{R}/members", 302,
            "/relationships/{R}/members/{M}/left", 302,
            "/relationships/{R}/handovers", 409, // stale
            "/relationships/{R}/handovers/1/confirmation", 302); // there is no handover yet

    static final List<String> RELATIONSHIP_READS = List.of("/api/relationships/{R}", "/api/relationships/{R}/timeline",
            "/api/relationships/{R}/handovers");

    /** The same changes through the API: a person who may change the relationship gets a 409. */
    static final List<String> RELATIONSHIP_CHANGES = List.of("/api/relationships/{R}/status",
            "/api/relationships/{R}/phase-moves", "/api/relationships/{R}/tasks",
            "/api/relationships/{R}/agreement-revisions", "/api/relationships/{R}/agreement-revisions/1/acceptance",
            "/api/relationships/{R}/members", "/api/relationships/{R}/members/{M}/departure",
            "/api/relationships/{R}/handovers", "/api/relationships/{R}/handovers/1/confirmation");

    /** Who may pass a door of a relationship's sessions, notes and goals. */
    enum Access {
        /** Whoever sees the relationship; 404 for everyone else. */
        SEE,
        /** Whoever may change it; 403 for those who only see it, 404 for the rest. */
        CHANGE,
        /** Its helpers, for their own process note: 403 for admins and supervisors too. */
        KEEP_PROCESS_NOTE,
        /** The process note's author alone: everyone else, seeing the session or not, finds none (404). */
        READ_OWN_PROCESS_NOTE
    }

    /** A door of a relationship's sessions, notes or goals: who passes, what they get, what a 200 shows. */
    record Door(String method, String path, Access access, int allowed, Shows shows) {
    }

    /**
     * The sessions, notes, goals and quick recording of one relationship, pages and API. {S} is the
     * session to come with the unsigned note {U}; {D} the recorded session with the signed note {N};
     * {G} the goal with the step {T}. Every change is built to be refused by a rule or as stale.
     */
    static final List<Door> RECORD_DOORS = List.of(
            // Sessions: pages
            new Door("GET", "/relationships/{R}/sessions/new", Access.CHANGE, 200, Shows.CLIENT),
            new Door("POST", "/relationships/{R}/sessions", Access.CHANGE, 200, Shows.CLIENT), // in the past
            new Door("GET", "/sessions/{S}", Access.SEE, 200, Shows.CLIENT),
            new Door("GET", "/sessions/{D}", Access.SEE, 200, Shows.NOTE),
            new Door("POST", "/sessions/{S}/record", Access.CHANGE, 409, Shows.NOTHING), // stale
            // Sessions: API
            new Door("GET", "/api/relationships/{R}/sessions", Access.SEE, 200, Shows.NOTHING),
            new Door("POST", "/api/relationships/{R}/sessions", Access.CHANGE, 409, Shows.NOTHING),
            new Door("GET", "/api/sessions/{S}", Access.SEE, 200, Shows.NOTHING),
            new Door("GET", "/api/sessions/{D}", Access.SEE, 200, Shows.NOTHING),
            new Door("POST", "/api/sessions/{S}/record", Access.CHANGE, 409, Shows.NOTHING),
            // Notes: pages
            new Door("GET", "/sessions/{S}/note/new?template=soap", Access.CHANGE, 200, Shows.NOTHING),
            new Door("POST", "/sessions/{D}/note", Access.CHANGE, 200, Shows.NOTHING), // it has one
            new Door("GET", "/notes/{N}/edit", Access.SEE, 200, Shows.NOTE),
            new Door("GET", "/notes/{U}/edit", Access.SEE, 200, Shows.DRAFT),
            new Door("POST", "/notes/{N}/revise", Access.CHANGE, 200, Shows.NOTHING), // signed
            new Door("POST", "/notes/{N}/sign", Access.CHANGE, 302, Shows.NOTHING),
            new Door("POST", "/notes/{N}/addenda", Access.CHANGE, 302, Shows.NOTHING), // empty
            new Door("POST", "/sessions/{D}/process-note", Access.KEEP_PROCESS_NOTE, 302, Shows.NOTHING), // too long
            // Notes: API
            new Door("GET", "/api/sessions/{D}/note", Access.SEE, 200, Shows.NOTE),
            new Door("GET", "/api/sessions/{S}/note", Access.SEE, 200, Shows.DRAFT),
            new Door("POST", "/api/sessions/{D}/note", Access.CHANGE, 409, Shows.NOTHING),
            new Door("GET", "/api/notes/{N}", Access.SEE, 200, Shows.NOTE),
            new Door("GET", "/api/notes/{U}", Access.SEE, 200, Shows.DRAFT),
            new Door("PUT", "/api/notes/{N}", Access.CHANGE, 409, Shows.NOTHING),
            new Door("POST", "/api/notes/{N}/sign", Access.CHANGE, 409, Shows.NOTHING),
            new Door("POST", "/api/notes/{U}/addenda", Access.CHANGE, 409, Shows.NOTHING), // not signed yet
            new Door("GET", "/api/sessions/{D}/process-note", Access.READ_OWN_PROCESS_NOTE, 200, Shows.PROCESS_NOTE),
            // the author writes the very same words again: allowed, and nothing changes
            new Door("PUT", "/api/sessions/{D}/process-note", Access.KEEP_PROCESS_NOTE, 204, Shows.NOTHING),
            // Goals: pages
            new Door("GET", "/relationships/{R}/concerns/new", Access.CHANGE, 200, Shows.NOTHING),
            new Door("POST", "/relationships/{R}/concerns", Access.CHANGE, 200, Shows.NOTHING), // empty
            new Door("GET", "/relationships/{R}/goals/new", Access.CHANGE, 200, Shows.NOTHING),
            new Door("POST", "/relationships/{R}/goals", Access.CHANGE, 200, Shows.NOTHING), // empty
            new Door("GET", "/goals/{G}", Access.SEE, 200, Shows.GOAL),
            new Door("POST", "/goals/{G}/ratings", Access.CHANGE, 302, Shows.NOTHING), // in the future
            new Door("POST", "/goals/{G}/status", Access.CHANGE, 409, Shows.NOTHING), // stale
            new Door("POST", "/goals/{G}/action-steps", Access.CHANGE, 302, Shows.NOTHING), // empty
            new Door("POST", "/goals/{G}/action-steps/{T}/done", Access.CHANGE, 302, Shows.NOTHING), // in the future
            new Door("POST", "/sessions/{D}/goal-ratings", Access.CHANGE, 302, Shows.NOTHING), // no levels
            // Goals: API
            new Door("GET", "/api/relationships/{R}/goals", Access.SEE, 200, Shows.GOAL),
            new Door("POST", "/api/relationships/{R}/concerns", Access.CHANGE, 409, Shows.NOTHING),
            new Door("POST", "/api/relationships/{R}/goals", Access.CHANGE, 409, Shows.NOTHING),
            new Door("GET", "/api/goals/{G}", Access.SEE, 200, Shows.GOAL),
            new Door("POST", "/api/goals/{G}/ratings", Access.CHANGE, 409, Shows.NOTHING),
            new Door("POST", "/api/goals/{G}/status", Access.CHANGE, 409, Shows.NOTHING),
            new Door("POST", "/api/goals/{G}/action-steps", Access.CHANGE, 409, Shows.NOTHING),
            new Door("POST", "/api/goals/{G}/action-steps/{T}/completion", Access.CHANGE, 409, Shows.NOTHING),
            new Door("POST", "/api/sessions/{S}/goal-ratings", Access.CHANGE, 409, Shows.NOTHING), // a day to come
            // Follow-ups and reconnects: the follow-up {F} is not yet due, so creating its link is refused by a rule.
            new Door("GET", "/api/relationships/{R}/follow-ups", Access.SEE, 200, Shows.NOTHING),
            new Door("GET", "/api/relationships/{R}/reconnects", Access.SEE, 200, Shows.NOTHING),
            new Door("POST", "/follow-ups/{F}/link", Access.CHANGE, 302, Shows.NOTHING),
            new Door("POST", "/api/follow-ups/{F}/link", Access.CHANGE, 409, Shows.NOTHING),
            // Quick recording
            new Door("GET", "/relationships/{R}/record", Access.CHANGE, 200, Shows.CLIENT),
            new Door("POST", "/relationships/{R}/record", Access.CHANGE, 200, Shows.CLIENT), // empty
            new Door("POST", "/api/relationships/{R}/session-records", Access.CHANGE, 409, Shows.NOTHING),
            // Handover and continuity
            new Door("GET", "/relationships/{R}/handover", Access.CHANGE, 200, Shows.CLIENT),
            new Door("GET", "/api/relationships/{R}/handovers/1", Access.SEE, 404, Shows.NOTHING), // none yet
            new Door("GET", "/api/relationships/{R}/continuity", Access.SEE, 200, Shows.NOTHING),
            // Measures: what the plan calls for, and recovery of the PHQ-9 and GAD-7 pair
            new Door("GET", "/api/relationships/{R}/measures/due", Access.SEE, 200, Shows.NOTHING),
            new Door("GET", "/api/relationships/{R}/measures/due?session=2", Access.SEE, 200, Shows.NOTHING),
            new Door("GET", "/api/relationships/{R}/scores/outcome", Access.SEE, 200, Shows.NOTHING),
            // Endings: the relationships here are not in their ending phase, so the workspace is refused by a
            // rule (409) and there is no letter yet (404); closing from a page with a stale version comes back (302).
            new Door("GET", "/relationships/{R}/ending", Access.SEE, 409, Shows.NOTHING),
            new Door("POST", "/relationships/{R}/ending/gains", Access.CHANGE, 409, Shows.NOTHING),
            new Door("POST", "/relationships/{R}/ending/why", Access.CHANGE, 409, Shows.NOTHING),
            new Door("POST", "/relationships/{R}/ending/confidence", Access.CHANGE, 409, Shows.NOTHING),
            new Door("POST", "/relationships/{R}/ending/door", Access.CHANGE, 409, Shows.NOTHING),
            new Door("POST", "/relationships/{R}/ending/close", Access.CHANGE, 302, Shows.NOTHING),
            new Door("POST", "/relationships/{R}/ending/close-unplanned", Access.CHANGE, 302, Shows.NOTHING),
            // A client who says they are stopping: the relationships here are referred, not active, so the page sends back.
            new Door("GET", "/relationships/{R}/ending/stopping", Access.CHANGE, 302, Shows.NOTHING),
            new Door("GET", "/relationships/{R}/ending/letter", Access.SEE, 404, Shows.NOTHING),
            new Door("GET", "/relationships/{R}/ending/letter.pdf", Access.SEE, 404, Shows.NOTHING),
            new Door("GET", "/api/relationships/{R}/ending", Access.SEE, 409, Shows.NOTHING),
            new Door("PUT", "/api/relationships/{R}/ending/gains", Access.CHANGE, 409, Shows.NOTHING),
            new Door("PUT", "/api/relationships/{R}/ending/why", Access.CHANGE, 409, Shows.NOTHING),
            new Door("PUT", "/api/relationships/{R}/ending/confidence", Access.CHANGE, 409, Shows.NOTHING),
            new Door("PUT", "/api/relationships/{R}/ending/open-door", Access.CHANGE, 409, Shows.NOTHING),
            new Door("POST", "/api/relationships/{R}/ending/close", Access.CHANGE, 409, Shows.NOTHING), // stale
            new Door("POST", "/api/relationships/{R}/ending/close-unplanned", Access.CHANGE, 409, Shows.NOTHING), // stale
            new Door("GET", "/api/relationships/{R}/ending/letter", Access.SEE, 404, Shows.NOTHING),
            new Door("GET", "/api/relationships/{R}/ending/letter.pdf", Access.SEE, 404, Shows.NOTHING));

    List<Attempt> attempts() {
        List<Attempt> all = new ArrayList<>();
        // The calendar feed first, before any attempt below replaces h1's link: the secret is the key.
        for (String who : EVERYONE) {
            all.add(new Attempt(who, "GET", "/calendar/" + feedToken + ".ics", 200));
            all.add(new Attempt(who, "GET", "/calendar/not-a-feed-we-made.ics", 404));
        }
        // A former client's follow-up and reconnect links open without signing in: one that was never made is gone for everyone.
        for (String who : EVERYONE) {
            for (String link : List.of("/f/not-a-link-we-made", "/reconnect/not-a-link-we-made")) {
                all.add(new Attempt(who, "GET", link, 410));
                all.add(new Attempt(who, "POST", link, 410));
            }
        }
        for (String who : EVERYONE) {
            for (String r : List.of("R1", "R2", "RB")) {
                for (Door door : RECORD_DOORS) {
                    int forStaff = switch (door.access()) {
                        case SEE -> sees(who, r) ? door.allowed() : 404;
                        case CHANGE -> changeAnswer(who, r, door.allowed());
                        case KEEP_PROCESS_NOTE -> ADMINS.contains(who) && sees(who, r) ? 403
                                : changeAnswer(who, r, door.allowed());
                        case READ_OWN_PROCESS_NOTE -> AUTHORS.get(r).equals(who) ? door.allowed() : 404;
                    };
                    String path = on(door.path(), r);
                    all.add(new Attempt(who, door.method(), path,
                            path.startsWith("/api/") ? apiAnswer(who, forStaff) : pageAnswer(who, forStaff), door.shows()));
                }
                for (String page : RELATIONSHIP_PAGES) {
                    all.add(new Attempt(who, "GET", on(page, r), pageAnswer(who, sees(who, r) ? 200 : 404)));
                }
                RELATIONSHIP_FORMS.forEach((form, allowed) -> all.add(new Attempt(who, "POST", on(form, r),
                        pageAnswer(who, changeAnswer(who, r, allowed)))));
                for (String read : RELATIONSHIP_READS) {
                    all.add(new Attempt(who, "GET", on(read, r), apiAnswer(who, sees(who, r) ? 200 : 404)));
                }
                for (String change : RELATIONSHIP_CHANGES) {
                    all.add(new Attempt(who, "POST", on(change, r), apiAnswer(who, changeAnswer(who, r, 409))));
                }
            }
            // Pages for all staff; the referral form posted with its fields left empty comes back with messages.
            for (String page : List.of("/", "/caseload", "/caseload?ended=true", "/referrals/new",
                    "/process-models/five-stage", "/waitlist", "/search?q=r")) {
                // An operator has no organisation's home page: "/" sends them to their own.
                all.add(new Attempt(who, "GET", page, page.equals("/") && who.equals("operator") ? 302
                        : pageAnswer(who, page.equals("/") ? 302 : 200)));
            }
            all.add(new Attempt(who, "POST", "/referrals", pageAnswer(who, 200)));

            // Sessions to come and the calendar feed link: each helper's own.
            all.add(new Attempt(who, "GET", "/sessions/upcoming", pageAnswer(who, 200)));
            all.add(new Attempt(who, "GET", "/api/sessions/upcoming", apiAnswer(who, 200)));
            // Follow-ups due for the person asking (as former lead helper).
            all.add(new Attempt(who, "GET", "/api/follow-ups/due", apiAnswer(who, 200)));
            // (everyone on the staff here is a helper too, so each has a calendar)
            all.add(new Attempt(who, "POST", "/calendar-feed", pageAnswer(who, 302)));
            all.add(new Attempt(who, "POST", "/calendar-feed/revoke", pageAnswer(who, 302)));
            all.add(new Attempt(who, "POST", "/api/calendar-feed", apiAnswer(who, 201)));
            all.add(new Attempt(who, "DELETE", "/api/calendar-feed", apiAnswer(who, 204)));
            // Note templates: all staff read them, admins add them (the additions here are refused by a rule).
            all.add(new Attempt(who, "GET", "/admin/note-templates", adminPageAnswer(who, 200)));
            all.add(new Attempt(who, "POST", "/admin/note-templates", adminPageAnswer(who, 200)));
            all.add(new Attempt(who, "GET", "/api/note-templates", apiAnswer(who, 200)));
            all.add(new Attempt(who, "POST", "/api/note-templates", apiAnswer(who, ADMINS.contains(who) ? 409 : 403)));

            // The admin pages.
            for (String page : List.of("/admin", "/admin/helpers", "/admin/teams", "/admin/supervision",
                    "/admin/clients", "/admin/process-models", "/admin/process-models/five-stage",
                    "/admin/process-models/new", "/admin/process-models/example.yaml", "/admin/measurement-plan")) {
                all.add(new Attempt(who, "GET", page, adminPageAnswer(who, 200)));
            }
            all.add(new Attempt(who, "GET", "/admin/audit?client={C1}", adminPageAnswer(who,
                    who.equals("adminA") ? 200 : 404)));
            all.add(new Attempt(who, "GET", "/admin/audit?client={CB}", adminPageAnswer(who,
                    who.equals("adminB") ? 200 : 404)));
            for (String form : List.of("/admin/helpers", "/admin/teams", "/admin/supervision",
                    "/admin/supervision/unlink")) {
                all.add(new Attempt(who, "POST", form, adminPageAnswer(who, 200)));
            }
            all.add(new Attempt(who, "POST", "/admin/process-models", adminPageAnswer(who, 422)));
            all.add(new Attempt(who, "POST", "/admin/teams/{TEAM}/members/{H1}/remove", adminPageAnswer(who, 404)));

            // The API for all staff.
            for (String read : List.of("/api/caseload", "/api/caseload?ended=true", "/api/caseload/former-clients", "/api/waitlist", "/api/search?q=r",
                    "/api/helpers", "/api/teams",
                    "/api/supervision", "/api/process-models", "/api/process-models/five-stage",
                    "/api/process-models/default", "/api/organisation/measurement-plan")) {
                all.add(new Attempt(who, "GET", read, apiAnswer(who, 200)));
            }
            all.add(new Attempt(who, "GET", "/api/helpers/{H1}", apiAnswer(who, who.equals("adminB") ? 404 : 200)));
            all.add(new Attempt(who, "GET", "/api/helpers/{HB}", apiAnswer(who, who.equals("adminB") ? 200 : 404)));
            all.add(new Attempt(who, "POST", "/api/referrals", apiAnswer(who, 400)));
            // The count of endings, among the relationships each person sees.
            all.add(new Attempt(who, "GET", "/api/endings/summary?from=2026-01-01&to=2026-12-31", apiAnswer(who, 200)));
            // The API for admins only.
            all.add(new Attempt(who, "GET", "/api/client-parties", apiAnswer(who, ADMINS.contains(who) ? 200 : 403)));
            all.add(new Attempt(who, "POST", "/api/supervision", apiAnswer(who,
                    who.equals("adminA") ? 409 : ADMINS.contains(who) ? 404 : 403)));

            // The operator's doors, theirs only: counts of each organisation, never a client's name.
            boolean operator = who.equals("operator");
            all.add(new Attempt(who, "GET", "/operator", operator ? 200 : who.equals("anonymous") ? LOGIN : 403));
            all.add(new Attempt(who, "GET", "/api/operator/organisations", operator ? 200 : apiAnswer(who, 403)));
            all.add(new Attempt(who, "GET", "/api/operator/audit", operator ? 200 : apiAnswer(who, 403)));
            if (!operator) {
                all.add(new Attempt(who, "POST", "/api/operator/organisations", apiAnswer(who, 403)));
                all.add(new Attempt(who, "POST", "/operator/organisations", who.equals("anonymous") ? LOGIN : 403));
            }
        }
        return all;
    }

    static boolean sees(String who, String r) {
        return SEES.getOrDefault(who, Set.of()).contains(r);
    }

    static int changeAnswer(String who, String r, int allowed) {
        if (CHANGES.getOrDefault(who, Set.of()).contains(r)) return allowed;
        return sees(who, r) ? 403 : 404;
    }

    /**
     * The pages send a stranger to sign in and refuse clients and operators outright; staff get what
     * their access allows.
     */
    static int pageAnswer(String who, int forStaff) {
        return switch (who) {
            case "anonymous" -> LOGIN;
            case "client", "operator" -> 403;
            default -> forStaff;
        };
    }

    static int adminPageAnswer(String who, int forAdmins) {
        return pageAnswer(who, ADMINS.contains(who) ? forAdmins : 403);
    }

    static int apiAnswer(String who, int forStaff) {
        return switch (who) {
            case "anonymous" -> 401;
            case "client", "operator" -> 403;
            default -> forStaff;
        };
    }

    /** The tokens that stand for a relationship's records in a path: {R1}, {S1}, {D1} and so on. */
    static final List<String> RECORD_TOKENS = List.of("R", "M", "S", "D", "N", "U", "G", "T", "F");

    static String on(String template, String r) {
        String path = template;
        for (String token : RECORD_TOKENS) path = path.replace("{" + token + "}", "{" + token + r.substring(1) + "}");
        return path;
    }

    static boolean relationshipIn(String path) {
        return List.of("{R1}", "{R2}", "{RB}").stream().anyMatch(path::contains);
    }

    @TestFactory
    Stream<DynamicTest> everyoneGetsTheAnswerTheirAccessAllowsAndNothingMore() {
        return attempts().stream().map(attempt -> DynamicTest.dynamicTest(attempt.toString(), () -> check(attempt)));
    }

    void check(Attempt attempt) throws Exception {
        Map<String, String> before = state();
        MvcResult result;
        MockHttpServletRequestBuilder request = request(attempt);
        try {
            result = mvc.perform(request).andReturn();
        } catch (Exception e) {
            fail("%s escaped as an error (a 500): %s", attempt, e);
            return;
        }
        int status = result.getResponse().getStatus();
        // A problem response names the address asked for; those ids came from the asker, so they are left out.
        String body = result.getResponse().getContentAsString().replace(result.getRequest().getRequestURI(), "");
        String location = result.getResponse().getRedirectedUrl();

        if (attempt.expected() == LOGIN) {
            assertThat(status).as(attempt.toString()).isEqualTo(302);
            assertThat(location).as(attempt.toString()).isEqualTo(SIGN_IN);
        } else {
            assertThat(status).as("%s, answered with body %s", attempt, body).isEqualTo(attempt.expected());
        }
        assertThat(body).as("a stack trace in the answer to %s", attempt).doesNotContain("Exception", "\tat org.");

        // Zero leaks: nobody reads the name, notes or goals of a client whose relationship they cannot see,
        // and nobody but its author ever reads a process note, nor the author in a refusal ...
        String target = targetOf(attempt.path());
        for (String r : List.of("R1", "R2", "RB")) {
            if (!sees(attempt.who(), r)) {
                assertThat(body).as("%s leaks %s's client", attempt, r).doesNotContain(clientNames.get(r),
                        noteTexts.get(r), draftTexts.get(r), goalStatements.get(r));
            }
            if (!AUTHORS.get(r).equals(attempt.who()) || status >= 400) {
                assertThat(body).as("%s leaks %s's process note", attempt, r).doesNotContain(processTexts.get(r));
            }
        }
        // ... and a refusal gives back nothing about the record it refused. (A rule's refusal, a 409, comes only
        // to someone who may change the record, after the access check, and may name the goal it is about.)
        if (status >= 400 && target != null) {
            assertThat(body).as("%s leaks the record it refused", attempt).doesNotContain(clientNames.get(target),
                    ids.get("C" + target.substring(1)), ids.get("M" + target.substring(1)), noteTexts.get(target),
                    draftTexts.get(target), processTexts.get(target));
            if (status != 409) {
                assertThat(body).as("%s leaks the goal it refused", attempt).doesNotContain(goalStatements.get(target));
            }
        }
        // The positive control: an allowed look shows what it is about.
        if (status == 200 && target != null) {
            String shown = switch (attempt.shows()) {
                case NOTHING -> null;
                case CLIENT -> clientNames.get(target);
                case NOTE -> noteTexts.get(target);
                case DRAFT -> draftTexts.get(target);
                case GOAL -> goalStatements.get(target);
                case PROCESS_NOTE -> processTexts.get(target);
            };
            if (shown != null) assertThat(body).as(attempt.toString()).contains(shown);
        }
        assertThat(state()).as("%s must not have changed anything", attempt).isEqualTo(before);
    }

    static String targetOf(String path) {
        for (String r : List.of("R1", "R2", "RB")) {
            for (String token : RECORD_TOKENS) {
                if (path.contains("{" + token + r.substring(1) + "}")) return r;
            }
        }
        return null;
    }

    MockHttpServletRequestBuilder request(Attempt attempt) {
        String path = attempt.path();
        for (var id : ids.entrySet()) path = path.replace("{" + id.getKey() + "}", id.getValue());
        boolean api = path.startsWith("/api/");
        MockHttpServletRequestBuilder request = switch (attempt.method()) {
            case "GET" -> get(path);
            case "PUT" -> put(path);
            case "DELETE" -> delete(path);
            default -> post(path);
        };
        if (attempt.method().equals("POST") || attempt.method().equals("PUT")) {
            if (api) {
                request.contentType(MediaType.APPLICATION_JSON).content(json(attempt.path()));
            } else {
                form(request, attempt.path()).with(csrf());
            }
        }
        if (attempt.who().equals("anonymous")) return request;
        String username = usernames.get(attempt.who());
        return api ? request.with(httpBasic(username, PASSWORD))
                : request.with(user(accounts.loadUserByUsername(username)));
    }

    /** Form fields that get past the shape checks and are then refused: a stale version or a broken rule. */
    MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String path) {
        String today = LocalDate.now(clock).toString();
        String later = LocalDate.now(clock).plusDays(10).toString();
        if (path.startsWith("/relationships/") && path.endsWith("/handovers")) {
            return request.param("version", "99").param("newLeadHelperId", ids.get("H1")).param("reason", "CASELOAD")
                    .param("note", "Where the work stands");
        } else if (path.contains("/ending/")) {
            return request.param("version", "99").param("summary", "Sleeping again").param("reason", "dropped-out")
                    .param("explanation", "The goals are met").param("warningSigns", "Late nights")
                    .param("whatHelps", "Walks").param("peopleToContact", "A sister").param("crisisPlan", "Ring 111")
                    .param("followUpOn", later).param("instrument", "phq-9");
        } else if (path.startsWith("/relationships/") && path.endsWith("/sessions")) {
            return request.param("on", LocalDate.now(clock).minusDays(1).toString()).param("at", "10:00")
                    .param("lengthMinutes", "50").param("mode", "IN_PERSON");
        } else if (path.startsWith("/sessions/") && path.endsWith("/record")) {
            return request.param("outcome", "ATTENDED").param("version", "99");
        } else if (path.startsWith("/sessions/") && path.endsWith("/note")) {
            return request.param("template", "soap").param("section:Subjective", "A second note")
                    .param("section:Objective", "").param("section:Assessment", "").param("section:Plan", "");
        } else if (path.endsWith("/revise")) {
            return request.param("version", "99").param("section:Subjective", "Changed after signing");
        } else if (path.endsWith("/sign")) {
            return request.param("version", "99");
        } else if (path.endsWith("/addenda")) {
            return request.param("text", "");
        } else if (path.endsWith("/process-note")) {
            return request.param("text", "x".repeat(20_001));
        } else if (path.startsWith("/relationships/") && path.endsWith("/concerns")) {
            return request.param("description", "").param("identifiedOn", today);
        } else if (path.startsWith("/relationships/") && path.endsWith("/goals")) {
            return request.param("statement", "").param("setOn", today);
        } else if (path.endsWith("/ratings")) {
            return request.param("level", "1").param("ratedOn", later);
        } else if (path.startsWith("/goals/") && path.endsWith("/status")) {
            return request.param("to", "ACHIEVED").param("reason", "Sleeping well").param("version", "99");
        } else if (path.endsWith("/action-steps")) {
            return request.param("description", "").param("who", "CLIENT").param("dueBy", later);
        } else if (path.endsWith("/done")) {
            return request.param("doneOn", later);
        } else if (path.endsWith("/status")) {
            return request.param("to", "WAITLISTED").param("reason", "A place opens in March").param("version", "99");
        } else if (path.endsWith("/phase")) {
            return request.param("phase", "identifying-client-problems").param("reason", "Ready").param("version", "99");
        } else if (path.endsWith("/tasks")) {
            return request.param("phase", "establishing-a-working-relationship").param("task", "99");
        } else if (path.endsWith("/agreement")) {
            return request.param("version", "99").param("purpose", "To sleep again").param("frequency", "Weekly")
                    .param("sessionLengthMinutes", "50").param("meetingModes", "IN_PERSON")
                    .param("roles", "Listening and guiding").param("confidentiality", "Private unless at risk")
                    .param("reviewOn", LocalDate.now(clock).plusWeeks(6).toString())
                    .param("endingPlan", "Two closing sessions");
        } else if (path.endsWith("/acceptance")) {
            return request.param("acceptedOn", today).param("how", "IN_SESSION");
        } else if (path.endsWith("/members")) {
            return request.param("name", "Jordan Extra").param("joinedOn", today);
        } else if (path.endsWith("/left")) {
            return request.param("leftOn", LocalDate.now(clock).plusDays(10).toString());
        }
        return request; // the referral and the admin forms, sent empty
    }

    /** JSON bodies built the same way: well-formed, valid in shape, refused by a rule or as stale. */
    String json(String path) {
        String today = LocalDate.now(clock).toString();
        String later = LocalDate.now(clock).plusDays(10).toString();
        String r = targetOf(path);
        String n = r == null ? "" : r.substring(1);
        if (path.endsWith("/handovers")) {
            return """
                    {"version": 99, "newLeadHelperId": "%s", "reason": "CASELOAD", "note": "Where the work stands"}"""
                    .formatted(ids.get("H1"));
        } else if (path.contains("/ending/close-unplanned")) {
            return """
                    {"relationshipVersion": 99, "reason": "dropped-out"}""";
        } else if (path.contains("/ending/")) {
            return """
                    {"version": 99, "summary": "Sleeping again", "clientWords": "Walks", "reason": "goals-met",
                     "explanation": "The goals are met", "warningSigns": "Late nights", "whatHelps": "Walks",
                     "peopleToContact": "A sister", "crisisPlan": "Ring 111", "followUpDates": ["%s"],
                     "instrumentKey": "phq-9", "done": true}""".formatted(later);
        } else if (path.startsWith("/api/relationships/") && path.endsWith("/sessions")) {
            return """
                    {"on": "%s", "at": "10:00", "lengthMinutes": 50, "mode": "IN_PERSON"}"""
                    .formatted(LocalDate.now(clock).minusDays(1));
        } else if (path.startsWith("/api/sessions/") && path.endsWith("/record")) {
            return """
                    {"outcome": "ATTENDED", "version": 99}""";
        } else if (path.startsWith("/api/sessions/") && path.endsWith("/note")) {
            return """
                    {"template": "soap", "sections": {"Subjective": "A second note", "Objective": "",
                     "Assessment": "", "Plan": ""}}""";
        } else if (path.startsWith("/api/notes/") && path.endsWith("/sign")) {
            return """
                    {"version": 99}""";
        } else if (path.startsWith("/api/notes/") && path.endsWith("/addenda")) {
            return """
                    {"text": "A later thought"}""";
        } else if (path.startsWith("/api/notes/")) {
            return """
                    {"version": 99, "sections": {"Subjective": "Changed after signing"}}""";
        } else if (path.endsWith("/process-note")) {
            return """
                    {"text": "%s"}""".formatted(processTexts.get(r));
        } else if (path.equals("/api/note-templates")) {
            return """
                    {"key": "soap", "name": "Our own SOAP", "sections": ["Subjective"]}""";
        } else if (path.endsWith("/concerns")) {
            return """
                    {"description": "Worry about work", "identifiedOn": "%s"}""".formatted(later);
        } else if (path.startsWith("/api/relationships/") && path.endsWith("/goals")) {
            return """
                    {"concernId": "%s", "newConcern": "And a second concern", "statement": "To walk each morning",
                     "levels": {"minusTwo": "Never", "minusOne": "Rarely", "zero": "Most mornings",
                                "plusOne": "Nearly every morning", "plusTwo": "Every morning"},
                     "baseline": -1}""".formatted(ids.get("K" + n));
        } else if (path.startsWith("/api/goals/") && path.endsWith("/ratings")) {
            return """
                    {"level": 1, "ratedOn": "%s"}""".formatted(later);
        } else if (path.startsWith("/api/goals/") && path.endsWith("/status")) {
            return """
                    {"to": "ACHIEVED", "reason": "Sleeping well", "version": 99}""";
        } else if (path.endsWith("/action-steps")) {
            return """
                    {"description": "Walk to the park", "who": "CLIENT", "dueBy": "2000-01-01"}""";
        } else if (path.endsWith("/completion")) {
            return """
                    {"doneOn": "%s"}""".formatted(later);
        } else if (path.endsWith("/goal-ratings")) {
            return """
                    {"levels": {"%s": 1}}""".formatted(ids.get("G" + n));
        } else if (path.endsWith("/session-records")) {
            return """
                    {"on": "%s", "at": "10:00", "lengthMinutes": 50, "mode": "IN_PERSON", "outcome": "ATTENDED"}"""
                    .formatted(later);
        } else if (path.endsWith("/calendar-feed")) {
            return "{}";
        } else if (path.endsWith("/status")) {
            return """
                    {"to": "WAITLISTED", "reason": "A place opens in March", "version": 99}""";
        } else if (path.endsWith("/phase-moves")) {
            return """
                    {"phase": "identifying-client-problems", "reason": "Ready", "version": 99}""";
        } else if (path.endsWith("/tasks")) {
            return """
                    {"phase": "establishing-a-working-relationship", "taskNumber": 50, "doneOn": "%s"}""".formatted(today);
        } else if (path.endsWith("/agreement-revisions")) {
            return """
                    {"version": 99, "purposeInClientsWords": "To sleep again", "frequency": "Weekly",
                     "sessionLengthMinutes": 50, "meetingModes": ["IN_PERSON"],
                     "rolesAndResponsibilities": "Listening and guiding", "confidentiality": "Private unless at risk",
                     "reviewOn": "%s", "endingPlan": "Two closing sessions"}"""
                    .formatted(LocalDate.now(clock).plusWeeks(6));
        } else if (path.endsWith("/acceptance")) {
            return """
                    {"acceptedOn": "%s", "how": "IN_SESSION"}""".formatted(today);
        } else if (path.endsWith("/members")) {
            return """
                    {"name": "Jordan Extra", "joinedOn": "%s"}""".formatted(today);
        } else if (path.endsWith("/departure")) {
            return """
                    {"leftOn": "%s"}""".formatted(LocalDate.now(clock).plusDays(10));
        } else if (path.equals("/api/supervision")) {
            return """
                    {"supervisorId": "%s", "superviseeId": "%s"}""".formatted(ids.get("H1"), ids.get("H1"));
        }
        return "{}"; // a referral with nothing in it
    }

    /** What both organisations hold, as counts and relationship versions; any change shows up here. */
    Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        for (OrganisationId organisation : List.of(riverside, hillcrest)) {
            state.put(organisation.toString(), Tenancy.callAs(organisation, () -> jdbc.sql("""
                    select (select count(*) from helper) || '/' || (select count(*) from user_account) || '/'
                        || (select count(*) from team) || '/' || (select count(*) from team_member) || '/'
                        || (select count(*) from supervision) || '/' || (select count(*) from client_party) || '/'
                        || (select count(*) from client_member) || '/'
                        || (select count(*) from client_member where left_on is not null) || '/'
                        || (select count(*) from process_model) || '/' || (select count(*) from relationship) || '/'
                        || (select string_agg(relationship_id || ':' || version, ',' order by relationship_id)
                            from relationship) || '/'
                        || (select count(*) from status_change) || '/' || (select count(*) from phase_move) || '/'
                        || (select count(*) from task_completion) || '/' || (select count(*) from agreement_revision)
                        || '/' || (select count(*) from handover)
                        || '/' || (select string_agg(session_id || ':' || helper_id, ',' order by session_id, helper_id)
                                   from session_helper)
                    """).query(String.class).single()));
            // Sessions, notes and goals. Not the calendar feed links: opening or revoking one's own is allowed.
            state.put(organisation + " records", Tenancy.callAs(organisation, () -> jdbc.sql("""
                    select (select count(*) from session) || '/'
                        || (select string_agg(session_id || ':' || version || ':' || outcome, ',' order by session_id)
                            from session) || '/'
                        || (select count(*) from session_attendance) || '/' || (select count(*) from session_skill) || '/'
                        || (select count(*) from note) || '/'
                        || (select string_agg(note_id || ':' || version, ',' order by note_id) from note) || '/'
                        || (select count(*) from note_addendum) || '/' || (select count(*) from process_note) || '/'
                        || (select count(*) from note_template) || '/' || (select count(*) from concern) || '/'
                        || (select count(*) from goal) || '/'
                        || (select string_agg(goal_id || ':' || version || ':' || status, ',' order by goal_id)
                            from goal) || '/'
                        || (select count(*) from goal_rating) || '/' || (select count(*) from goal_status_change) || '/'
                        || (select count(*) from action_step) || '/'
                        || (select count(*) from action_step where done_on is not null) || '/'
                        || (select count(*) from ending)
                    """).query(String.class).single()));
            // Follow-ups, their links and the ways back in.
            state.put(organisation + " follow-ups", Tenancy.callAs(organisation, () -> jdbc.sql("""
                    select (select count(*) from follow_up) || '/'
                        || (select string_agg(follow_up_id || ':' || version || ':' || status, ',' order by follow_up_id)
                            from follow_up) || '/'
                        || (select count(*) from reconnect) || '/'
                        || (select count(*) from follow_up_link where organisation_id = rapport_current_organisation())
                    """).query(String.class).single()));
        }
        return state;
    }

    static Map<String, Integer> orderedMap(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], (Integer) pairs[i + 1]);
        return map;
    }
}
