package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.accounts.RealBrowser.sentToSignIn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An admin changes what a member of staff may do, from the helpers page or the API: the new roles
 * hold from the person's next sign-in, as their open sessions end, and the change is audited. No
 * account is left without a role, nobody but an admin changes roles, and an admin keeps their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleChangeIntegrationTests {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    TestOrganisation riverside;
    Staff admin;
    Staff ash;
    RealBrowser adminsBrowser;
    RealBrowser ashsBrowser;

    @BeforeEach
    void aHelperSignedInAndTheirAdmin() throws Exception {
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        admin = riverside.anAdmin("Alex Ward");
        ash = riverside.aHelper("Ash Marlow");
        adminsBrowser = new RealBrowser(port, BROWSER);
        adminsBrowser.signedIn(admin.username(), TestOrganisation.PASSWORD);
        ashsBrowser = new RealBrowser(port, BROWSER);
        ashsBrowser.signedIn(ash.username(), TestOrganisation.PASSWORD);
    }

    @Test
    void anAdminMakesAHelperASupervisorFromTheHelpersPage() throws Exception {
        HttpResponse<String> helpers = adminsBrowser.get("/admin/helpers");
        assertThat(Jsoup.parse(helpers.body()).select("legend").eachText()).contains("Roles of Ash Marlow")
                .doesNotContain("Roles of Alex Ward");

        adminsBrowser.post("/admin/helpers/roles", helpers, Map.of("username", ash.username(), "roles", "SUPERVISOR"));

        assertThat(rolesOf(ash)).isEqualTo("SUPERVISOR");
        assertThat(adminsBrowser.get("/admin/helpers").body()).contains("Changed the roles of " + ash.username());
        assertThat(sentToSignIn(ashsBrowser.get("/caseload"))).as("the open session has ended").isTrue();
        assertThat(auditOf(ash)).containsExactly("Roles changed by an admin from Helper to Supervisor");
    }

    @Test
    void noRoleAtAllIsRefusedAndChangesNothing() throws Exception {
        adminsBrowser.post("/admin/helpers/roles", adminsBrowser.get("/admin/helpers"), Map.of("username", ash.username()));

        assertThat(adminsBrowser.get("/admin/helpers").body()).contains("Give at least one role");
        assertThat(rolesOf(ash)).isEqualTo("HELPER");
        assertThat(ashsBrowser.get("/caseload").statusCode()).isEqualTo(200);
        assertThat(auditOf(ash)).isEmpty();
    }

    @Test
    void theApiGivesSeveralRoles() throws Exception {
        HttpResponse<String> changed = put(ash.username(), "{\"roles\":[\"HELPER\",\"SUPERVISOR\"]}", admin);

        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(rolesOf(ash)).isEqualTo("HELPER,SUPERVISOR");
        assertThat(auditOf(ash)).containsExactly("Roles changed by an admin from Helper to Supervisor, Helper");
        assertThat(put(ash.username(), "{\"roles\":[\"HELPER\",\"SUPERVISOR\"]}", admin).statusCode())
                .as("the same roles again change nothing").isEqualTo(204);
        assertThat(auditOf(ash)).hasSize(1);
    }

    @Test
    void theApiRefusesWhatWouldBreakTheRules() throws Exception {
        assertThat(put(ash.username(), "{\"roles\":[]}", admin).statusCode()).isEqualTo(409);
        assertThat(put(ash.username(), "{\"roles\":[\"CLIENT\"]}", admin).statusCode()).isEqualTo(409);
        assertThat(put(ash.username(), "{}", admin).statusCode()).isEqualTo(409);
        HttpResponse<String> unknownRole = put(ash.username(), "{\"roles\":[\"OWNER\"]}", admin);
        assertThat(unknownRole.statusCode()).isEqualTo(400);
        assertThat(unknownRole.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> ownAdminRole = put(admin.username(), "{\"roles\":[\"HELPER\"]}", admin);
        assertThat(ownAdminRole.statusCode()).isEqualTo(409);
        assertThat(ownAdminRole.body()).contains("You cannot take the admin role from yourself");
        assertThat(rolesOf(ash)).isEqualTo("HELPER");
        assertThat(rolesOf(admin)).contains("ADMIN");
    }

    @Test
    void onlyAnAdminOfTheSameOrganisationChangesRoles() throws Exception {
        Staff kim = new TestOrganisation(accounts, people, "Hillside Support").aHelper("Kim Vale");

        assertThat(put(ash.username(), "{\"roles\":[\"ADMIN\"]}", ash).statusCode()).isEqualTo(403);
        assertThat(put(kim.username(), "{\"roles\":[\"SUPERVISOR\"]}", admin).statusCode()).isEqualTo(404);
        assertThat(rolesOf(ash)).isEqualTo("HELPER");
    }

    private String rolesOf(Staff who) {
        return riverside.inScope(() -> jdbc.sql("select roles from user_account where username = ?")
                .param(who.username()).query(String.class).single());
    }

    private List<String> auditOf(Staff who) {
        return riverside.inScope(() -> jdbc.sql("""
                select e.detail from audit_entry e
                join user_account a on a.organisation_id = e.organisation_id and a.account_id = e.record_id
                where a.username = ? and e.record_type = 'sign-in account' and e.detail like 'Roles %'
                order by e.happened_at, e.entry_id""").param(who.username()).query(String.class).list());
    }

    private HttpResponse<String> put(String username, String json, Staff caller) throws Exception {
        String basic = Base64.getEncoder().encodeToString((caller.username() + ":" + TestOrganisation.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/accounts/" + username + "/roles"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
