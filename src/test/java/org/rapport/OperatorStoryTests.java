package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Operators;
import org.rapport.browser.Browser;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hosted Rapport as its operator runs it: the operator opens a second organisation and invites its
 * first admin, who chooses a password from the mail, signs in, and finds none of the first
 * organisation's data; the operator sees counts only, suspends the organisation (its admin can no
 * longer get in) and reopens it. Once in a browser and once through the HTTP API, over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorStoryTests {

    static final String OPERATOR_PASSWORD = "orchid basalt meridian quill";
    static final String CHOSEN = "meadow lantern thistle quay";
    static final String CLIENT = "Tamsin Okonkwo-Reed";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired Operators operators;
    @Autowired JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.shared();
    String operator;
    Browser desk;
    Browser phone;

    /** Riverside, with a client on its books, and an operator of this Rapport, who belongs to no organisation. */
    @BeforeEach
    void aFirstOrganisationWithAClientAndAnOperator() {
        TestOrganisation riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        Staff morgan = riverside.anAdmin("Morgan Vale");
        riverside.run(morgan, () -> people.registerClientParty(new NewClientParty(ClientPartyKind.PERSON, CLIENT,
                List.of(new NewClientMember(CLIENT, LocalDate.now().minusDays(3))))));
        operator = "ola.reyes-" + unique() + "@hosting.example";
        operators.create(operator, "Ola Reyes", OPERATOR_PASSWORD);
    }

    @AfterEach
    void closeTheBrowsers() {
        if (desk != null) desk.close();
        if (phone != null) phone.close();
    }

    @Test
    void inABrowser() {
        String lee = "lee.ashford-" + unique() + "@hillcrest.example";
        String hillcrest = "Hillcrest Family Service " + unique();
        desk = Browser.open(base(), Browser.DESKTOP);
        desk.signIn(operator, OPERATOR_PASSWORD);
        assertThat(desk.currentPath()).as("an operator lands on their organisations").isEqualTo("/operator");
        assertThat(desk.text()).contains("Riverside Counselling").doesNotContain(CLIENT);

        // Left without its name, the organisation is not opened, and what was typed stays.
        desk.fill("Admin's name", "Lee Ashford").fill("Admin's email address", lee)
                .press("Open the organisation and invite its admin");
        assertThat(desk.text()).contains("The organisation needs a name");
        assertThat(desk.field("Admin's email address").getDomProperty("value")).isEqualTo(lee);
        desk.assertAccessible();
        desk.fill("Organisation name", hillcrest).fill("Time zone", "Europe/Dublin")
                .press("Open the organisation and invite its admin");
        assertThat(desk.text()).contains("Opened " + hillcrest, "invitation is on its way to " + lee);
        desk.assertAccessible().screenshot("operator-organisations");

        phone = Browser.open(base(), Browser.PHONE);
        phone.visit(path(invitationTo(lee)));
        phone.fill("Password", CHOSEN).fill("Password again", CHOSEN).press("Choose my password");
        phone.follow("Sign in");
        phone.signIn(lee, CHOSEN);
        assertThat(phone.currentPath()).as("the new admin signs in").doesNotStartWith("/login");
        phone.visit("/admin/clients");
        assertThat(phone.text()).as("the new organisation's own, empty books").doesNotContain(CLIENT);
        phone.visit("/operator");
        assertThat(phone.text()).as("an admin is no operator").doesNotContain("Riverside Counselling");

        desk.visit("/caseload");
        assertThat(desk.text()).as("an operator has no caseload").doesNotContain(CLIENT);
        desk.visit("/operator").press("Suspend " + hillcrest);
        assertThat(desk.text()).contains("Suspended: its staff cannot sign in");
        phone.visit("/admin/clients");
        assertThat(phone.currentPath()).as("the suspended organisation's session is over").startsWith("/login");
        phone.signIn(lee, CHOSEN);
        assertThat(phone.currentPath()).as("and its admin cannot sign in").startsWith("/login");

        desk.press("Reopen " + hillcrest);
        desk.press("Add a new primary key");
        assertThat(desk.text()).contains("A new primary key encrypts from now on", "Encrypted values");
        desk.assertAccessible();
        phone.signIn(lee, CHOSEN);
        assertThat(phone.currentPath()).as("reopened, its admin signs in again").doesNotStartWith("/login");
    }

    @Test
    void throughTheHttpApi() throws Exception {
        String lee = "lee.ashford-" + unique() + "@hillcrest.example";
        String hillcrest = "Hillcrest Family Service " + unique();
        int before = hostedCount();

        HttpResponse<String> list = call("GET", "/api/operator/organisations", operator, OPERATOR_PASSWORD, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Riverside Counselling", "\"clientParties\":1").doesNotContain(CLIENT);

        // Refused, each naming its field, and nothing opened.
        assertRefused(open("", "Europe/Dublin", lee), "name");
        assertRefused(open(hillcrest, "Mars/Olympus Mons", lee), "timeZone");
        assertRefused(open(hillcrest, "Europe/Dublin", "not an address"), "adminEmail");
        assertRefused(open(hillcrest, "Europe/Dublin", operator), "adminEmail");
        assertThat(hostedCount()).as("nothing half opened").isEqualTo(before);

        HttpResponse<String> opened = open(hillcrest, "Europe/Dublin", lee);
        assertThat(opened.statusCode()).isEqualTo(201);
        String id = json.readTree(opened.body()).get("id").asString();
        assertThat(opened.headers().firstValue("Location")).contains("/api/operator/organisations/" + id);

        String first = invitationTo(lee);
        assertThat(call("POST", "/api/operator/organisations/" + id + "/admin-invitation", operator, OPERATOR_PASSWORD, null)
                .statusCode()).as("sent again").isEqualTo(204);
        assertThat(invitationTo(lee)).as("a new link").isNotEqualTo(first);
        assertThat(call("POST", "/api/invitations/accept", null, null,
                "{\"token\": \"" + token(first) + "\", \"password\": \"" + CHOSEN + "\"}").statusCode())
                .as("the earlier link no longer works").isEqualTo(404);
        assertThat(call("POST", "/api/invitations/accept", null, null,
                "{\"token\": \"" + token(invitationTo(lee)) + "\", \"password\": \"" + CHOSEN + "\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> books = call("GET", "/api/client-parties", lee, CHOSEN, null);
        assertThat(books.statusCode()).isEqualTo(200);
        assertThat(books.body()).as("the new organisation sees none of the first's clients").doesNotContain(CLIENT);
        assertThat(call("GET", "/api/caseload", lee, CHOSEN, null).body()).doesNotContain(CLIENT);
        assertThat(call("GET", "/api/operator/organisations", lee, CHOSEN, null).statusCode())
                .as("an admin is no operator").isEqualTo(403);

        HttpResponse<String> again = call("POST", "/api/operator/organisations/" + id + "/admin-invitation", operator,
                OPERATOR_PASSWORD, null);
        assertThat(again.statusCode()).as("accepted already: " + again.body()).isEqualTo(409);
        JsonNode counts = json.readTree(call("GET", "/api/operator/organisations/" + id, operator, OPERATOR_PASSWORD, null).body());
        assertThat(counts.get("name").asString()).isEqualTo(hillcrest);
        assertThat(counts.get("staffAccounts").asInt()).isEqualTo(1);
        assertThat(counts.get("invitationsWaiting").asInt()).isZero();
        assertThat(counts.get("clientParties").asInt()).isZero();
        for (String staffDoor : List.of("/api/client-parties", "/api/caseload", "/api/helpers")) {
            assertThat(call("GET", staffDoor, operator, OPERATOR_PASSWORD, null).statusCode())
                    .as("an operator at " + staffDoor).isEqualTo(403);
        }

        assertThat(call("POST", "/api/operator/organisations/" + id + "/suspension", operator, OPERATOR_PASSWORD, null)
                .statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/caseload", lee, CHOSEN, null).statusCode()).as("suspended").isEqualTo(401);
        assertThat(call("DELETE", "/api/operator/organisations/" + id + "/suspension", operator, OPERATOR_PASSWORD, null)
                .statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/caseload", lee, CHOSEN, null).statusCode()).as("reopened").isEqualTo(200);

        assertThat(call("POST", "/api/operator/organisations/" + UUID.randomUUID() + "/suspension", operator,
                OPERATOR_PASSWORD, null).statusCode()).as("an organisation that is not here").isEqualTo(404);
        assertThat(call("GET", "/api/operator/organisations/not-an-id", operator, OPERATOR_PASSWORD, null).statusCode())
                .isEqualTo(400);

        HttpResponse<String> key = call("POST", "/api/operator/encryption/keys", operator, OPERATOR_PASSWORD, null);
        assertThat(key.statusCode()).as(key.body()).isEqualTo(202);
        assertThat(json.readTree(key.body()).get("keys").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(json.readTree(key.body()).get("running").asBoolean()).isTrue();
        assertThat(call("POST", "/api/operator/encryption/keys", lee, CHOSEN, null).statusCode())
                .as("an admin adds no key").isEqualTo(403);
        assertThat(call("GET", "/api/operator/encryption", operator, OPERATOR_PASSWORD, null).statusCode()).isEqualTo(200);

        String trail = call("GET", "/api/operator/audit", operator, OPERATOR_PASSWORD, null).body();
        assertThat(trail).contains("Opened the organisation and invited its first admin", "Suspended the organisation",
                "Reopened the organisation", "Looked at the list of organisations (counts only)");
        List<String> ownTrail = Tenancy.callAs(OrganisationId.of(id), () -> jdbc.sql(
                "select detail from audit_entry where record_type = 'organisation' order by happened_at").query(String.class).list());
        assertThat(ownTrail).as("the organisation's own audit trail names the operator").hasSize(3)
                .allMatch(detail -> detail.contains("Ola Reyes (" + operator + ", operator)"));
    }

    private HttpResponse<String> open(String name, String timeZone, String adminEmail) throws Exception {
        return call("POST", "/api/operator/organisations", operator, OPERATOR_PASSWORD, """
                {"name": "%s", "timeZone": "%s", "locale": "en-IE", "country": "IE", "adminName": "Lee Ashford",
                 "adminEmail": "%s"}""".formatted(name, timeZone, adminEmail));
    }

    private void assertRefused(HttpResponse<String> answer, String field) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(json.readTree(answer.body()).get("field").asString()).isEqualTo(field);
    }

    private int hostedCount() {
        return jdbc.sql("select count(*) from hosted_organisation").query(Integer.class).single();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** The link in the invitation to this address, as its reader would find it. */
    private String invitationTo(String address) {
        UUID organisation = jdbc.sql("select organisation_id from sign_in_name where username = ?").param(address)
                .query(UUID.class).single();
        String body = Tenancy.callAs(new OrganisationId(organisation), () -> jdbc.sql(
                "select text_body from mail_message where recipient = ? and template = 'invitation' order by queued_at desc limit 1")
                .param(address).query(String.class).single());
        Matcher link = Pattern.compile("https?://\\S+").matcher(body);
        assertThat(link.find()).as("a link in the invitation").isTrue();
        return link.group();
    }

    private static String path(String link) {
        return URI.create(link).getPath();
    }

    private static String token(String link) {
        String path = path(link);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private HttpResponse<String> call(String method, String path, String username, String password, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) request.header("Content-Type", "application/json");
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
