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
 * An admin deactivates a helper who has left: the helper's open sessions end at once, their API
 * tokens and password stop working, and it is all in the audit trail; their history stays theirs.
 * Reactivation lets them sign in again, with the old tokens still revoked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountDeactivationIntegrationTests {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired ApiTokenManagement tokens;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    TestOrganisation riverside;
    Staff admin;
    Staff ash;
    RealBrowser adminsBrowser;
    RealBrowser ashsBrowser;
    String ashsToken;

    @BeforeEach
    void aHelperSignedInWithATokenAndTheirAdmin() throws Exception {
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        admin = riverside.anAdmin("Alex Ward");
        ash = riverside.aHelper("Ash Marlow");
        ashsToken = riverside.as(ash, () -> tokens.issue("Weekly report", ApiTokenScope.READ, 30)).token();
        adminsBrowser = new RealBrowser(port, BROWSER);
        adminsBrowser.signedIn(admin.username(), TestOrganisation.PASSWORD);
        ashsBrowser = new RealBrowser(port, BROWSER);
        ashsBrowser.signedIn(ash.username(), TestOrganisation.PASSWORD);
    }

    @Test
    void deactivatingEndsTheSessionsTokensAndSignInOfTheHelperWhoLeft() throws Exception {
        assertThat(call("GET", "/api/caseload", bearer(ashsToken)).statusCode()).isEqualTo(200);

        HttpResponse<String> helpers = adminsBrowser.get("/admin/helpers");
        adminsBrowser.post("/admin/helpers/deactivate", helpers, Map.of("username", ash.username()));

        assertThat(sentToSignIn(ashsBrowser.get("/caseload"))).as("the open session has ended").isTrue();
        assertThat(call("GET", "/api/caseload", bearer(ashsToken)).statusCode()).as("the token").isEqualTo(401);
        assertThat(call("GET", "/api/caseload", basic(ash)).statusCode()).as("the password, by the API").isEqualTo(401);
        assertThat(new RealBrowser(port, BROWSER).signIn(ash.username(), TestOrganisation.PASSWORD)
                .headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(ash.username())
                .query(Long.class).single()).isZero();
        assertThat(auditOf(ash)).containsExactly("Alex Ward (" + admin.username() + ") | Account deactivated by an admin: sign-in refused, its sessions ended, 1 API token revoked");
    }

    @Test
    void theHelpersPageShowsWhoIsDeactivatedAndReactivatesThem() throws Exception {
        adminsBrowser.post("/admin/helpers/deactivate", adminsBrowser.get("/admin/helpers"), Map.of("username", ash.username()));
        HttpResponse<String> page = adminsBrowser.get("/admin/helpers");
        assertThat(page.body()).contains("Deactivated " + ash.username() + ": they can no longer sign in");
        assertThat(Jsoup.parse(page.body()).select("tr:contains(Ash Marlow) .badge").eachText()).contains("Deactivated");

        adminsBrowser.post("/admin/helpers/reactivate", page, Map.of("username", ash.username()));

        new RealBrowser(port, BROWSER).signedIn(ash.username(), TestOrganisation.PASSWORD);
        assertThat(call("GET", "/api/caseload", bearer(ashsToken)).statusCode()).as("old tokens stay revoked").isEqualTo(401);
        assertThat(auditOf(ash)).endsWith("Alex Ward (" + admin.username() + ") | Account reactivated by an admin");
    }

    @Test
    void theApiDeactivatesAndReactivatesForAdminsOnly() throws Exception {
        assertThat(call("POST", "/api/accounts/" + admin.username() + "/deactivate", basic(ash)).statusCode())
                .as("a helper may not").isEqualTo(403);

        assertThat(call("POST", "/api/accounts/" + ash.username() + "/deactivate", basic(admin)).statusCode()).isEqualTo(204);
        assertThat(call("POST", "/api/accounts/" + ash.username() + "/deactivate", basic(admin)).statusCode())
                .as("deactivating again changes nothing").isEqualTo(204);
        assertThat(call("GET", "/api/caseload", basic(ash)).statusCode()).isEqualTo(401);

        assertThat(call("POST", "/api/accounts/" + ash.username() + "/reactivate", basic(admin)).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/caseload", basic(ash)).statusCode()).isEqualTo(200);
        assertThat(auditOf(ash)).hasSize(2);
    }

    @Test
    void anAdminCannotDeactivateThemselvesSoTheOrganisationKeepsAWayIn() throws Exception {
        HttpResponse<String> refused = call("POST", "/api/accounts/" + admin.username() + "/deactivate", basic(admin));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("You cannot deactivate your own account");
        assertThat(call("GET", "/api/caseload", basic(admin)).statusCode()).isEqualTo(200);
    }

    @Test
    void anAccountOfAnotherOrganisationIsNotFound() throws Exception {
        Staff kim = new TestOrganisation(accounts, people, "Hillside Support").aHelper("Kim Vale");

        HttpResponse<String> answer = call("POST", "/api/accounts/" + kim.username() + "/deactivate", basic(admin));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/caseload", basic(kim)).statusCode()).isEqualTo(200);
        HttpResponse<String> page = adminsBrowser.get("/admin/helpers");
        adminsBrowser.post("/admin/helpers/deactivate", page, Map.of("username", kim.username()));
        assertThat(adminsBrowser.get("/admin/helpers").body()).contains("sign-in account");
        assertThat(call("GET", "/api/caseload", basic(kim)).statusCode()).isEqualTo(200);
    }

    private List<String> auditOf(Staff who) {
        return riverside.inScope(() -> jdbc.sql("""
                select e.actor_name || ' | ' || e.detail from audit_entry e
                join user_account a on a.organisation_id = e.organisation_id and a.account_id = e.record_id
                where a.username = ? and e.record_type = 'sign-in account' and e.detail like 'Account %'
                order by e.happened_at, e.entry_id""").param(who.username()).query(String.class).list());
    }

    private static String basic(Staff who) {
        return "Basic " + Base64.getEncoder().encodeToString((who.username() + ":" + TestOrganisation.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
