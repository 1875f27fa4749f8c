package org.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
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
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.Role;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.Discipline;
import org.rapport.people.HelperId;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.NewHelper;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipOverview;
import org.rapport.relationships.Urgency;
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
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTests {

    static final String PASSWORD = "a-long-password-123";
    static final String SIGN_IN = "/login";

    /** One knock on one door, and the answer it must get. */
    record Attempt(String who, String method, String path, int expected) {
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

    OrganisationId riverside;
    OrganisationId hillcrest;
    final Map<String, String> usernames = new LinkedHashMap<>();
    final Map<String, OrganisationId> organisationOf = new LinkedHashMap<>();
    /** R1, R2, RB and the ids that hang off them, by the token that stands for them in a path. */
    final Map<String, String> ids = new LinkedHashMap<>();
    final Map<String, String> clientNames = Map.of("R1", "Robin Fairweather", "R2", "Sasha Underwood",
            "RB", "Bex Orchard");

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

        staff(hillcrest, "adminB", "Lee Admin", Role.ADMIN);
        HelperId hb = staff(hillcrest, "hb", "Kit Hollow", Role.HELPER);

        refer("R1", "h1", h1);
        refer("R2", "h2", h2);
        refer("RB", "hb", hb);
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

    static final List<String> EVERYONE = List.of("anonymous", "client", "h1", "h2", "supervisor", "adminA", "adminB");
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
            "/relationships/{R}/members/{M}/left", 302);

    static final List<String> RELATIONSHIP_READS = List.of("/api/relationships/{R}", "/api/relationships/{R}/timeline");

    /** The same changes through the API: a person who may change the relationship gets a 409. */
    static final List<String> RELATIONSHIP_CHANGES = List.of("/api/relationships/{R}/status",
            "/api/relationships/{R}/phase-moves", "/api/relationships/{R}/tasks",
            "/api/relationships/{R}/agreement-revisions", "/api/relationships/{R}/agreement-revisions/1/acceptance",
            "/api/relationships/{R}/members", "/api/relationships/{R}/members/{M}/departure");

    List<Attempt> attempts() {
        List<Attempt> all = new ArrayList<>();
        for (String who : EVERYONE) {
            for (String r : List.of("R1", "R2", "RB")) {
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
                    "/process-models/five-stage")) {
                all.add(new Attempt(who, "GET", page, pageAnswer(who, page.equals("/") ? 302 : 200)));
            }
            all.add(new Attempt(who, "POST", "/referrals", pageAnswer(who, 200)));

            // The admin pages.
            for (String page : List.of("/admin", "/admin/helpers", "/admin/teams", "/admin/supervision",
                    "/admin/clients", "/admin/process-models", "/admin/process-models/five-stage",
                    "/admin/process-models/new", "/admin/process-models/example.yaml")) {
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
            for (String read : List.of("/api/caseload", "/api/caseload?ended=true", "/api/helpers", "/api/teams",
                    "/api/supervision", "/api/process-models", "/api/process-models/five-stage")) {
                all.add(new Attempt(who, "GET", read, apiAnswer(who, 200)));
            }
            all.add(new Attempt(who, "GET", "/api/helpers/{H1}", apiAnswer(who, who.equals("adminB") ? 404 : 200)));
            all.add(new Attempt(who, "GET", "/api/helpers/{HB}", apiAnswer(who, who.equals("adminB") ? 200 : 404)));
            all.add(new Attempt(who, "POST", "/api/referrals", apiAnswer(who, 400)));
            // The API for admins only.
            all.add(new Attempt(who, "GET", "/api/client-parties", apiAnswer(who, ADMINS.contains(who) ? 200 : 403)));
            all.add(new Attempt(who, "POST", "/api/supervision", apiAnswer(who,
                    who.equals("adminA") ? 409 : ADMINS.contains(who) ? 404 : 403)));
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

    /** The pages send a stranger to sign in and refuse clients outright; staff get what their access allows. */
    static int pageAnswer(String who, int forStaff) {
        return switch (who) {
            case "anonymous" -> LOGIN;
            case "client" -> 403;
            default -> forStaff;
        };
    }

    static int adminPageAnswer(String who, int forAdmins) {
        return pageAnswer(who, ADMINS.contains(who) ? forAdmins : 403);
    }

    static int apiAnswer(String who, int forStaff) {
        return switch (who) {
            case "anonymous" -> 401;
            case "client" -> 403;
            default -> forStaff;
        };
    }

    static String on(String template, String r) {
        return template.replace("{R}", "{" + r + "}").replace("{M}", "{M" + r.substring(1) + "}");
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

        // Zero leaks: nobody reads the name of a client whose relationship they cannot see ...
        for (String r : List.of("R1", "R2", "RB")) {
            if (!sees(attempt.who(), r)) {
                assertThat(body).as("%s leaks %s's client", attempt, r).doesNotContain(clientNames.get(r));
            }
        }
        // ... and a refusal gives back nothing about the record it refused.
        String target = targetOf(attempt.path());
        if (status >= 400 && target != null) {
            assertThat(body).as("%s leaks the record it refused", attempt).doesNotContain(clientNames.get(target),
                    ids.get("C" + target.substring(1)), ids.get("M" + target.substring(1)));
        }
        // The positive control: an allowed look at a relationship page does show its client.
        if (status == 200 && target != null && !attempt.path().endsWith("/timeline")) {
            assertThat(body).as(attempt.toString()).contains(clientNames.get(target));
        }
        assertThat(state()).as("%s must not have changed anything", attempt).isEqualTo(before);
    }

    static String targetOf(String path) {
        for (String r : List.of("R1", "R2", "RB")) {
            if (path.contains("{" + r + "}")) return r;
        }
        return null;
    }

    MockHttpServletRequestBuilder request(Attempt attempt) {
        String path = attempt.path();
        for (var id : ids.entrySet()) path = path.replace("{" + id.getKey() + "}", id.getValue());
        boolean api = path.startsWith("/api/");
        MockHttpServletRequestBuilder request = attempt.method().equals("GET") ? get(path) : post(path);
        if (attempt.method().equals("POST")) {
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
        if (path.endsWith("/status")) {
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
        if (path.endsWith("/status")) {
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
