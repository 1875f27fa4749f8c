package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.accounts.RealBrowser.sentToSignIn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
 * Signed-in sessions live in the database: each person sees the browsers they are signed in with
 * and can end any of them, from the page or the API; a session that cannot be read back asks its
 * person to sign in again rather than failing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignedInSessionsIntegrationTests {

    static final String LAPTOP = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    static final String PHONE = "Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/140.0 Mobile Safari/537.36";

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Staff ash;
    RealBrowser laptop;
    RealBrowser phone;

    @BeforeEach
    void aHelperSignedInOnTwoDevices() throws Exception {
        ash = new TestOrganisation(accounts, people, "Riverside Counselling").aHelper("Ash Marlow");
        laptop = new RealBrowser(port, LAPTOP);
        phone = new RealBrowser(port, PHONE);
        laptop.signedIn(ash.username(), TestOrganisation.PASSWORD);
        phone.signedIn(ash.username(), TestOrganisation.PASSWORD);
    }

    @Test
    void keepsTheSessionInTheDatabaseUnderThePersonsName() {
        long kept = jdbc.sql("select count(*) from spring_session where principal_name = ?").param(ash.username())
                .query(Long.class).single();

        assertThat(kept).isEqualTo(2);
    }

    @Test
    void listsEachDeviceWithTheOneInHandMarked() throws Exception {
        Document page = Jsoup.parse(laptop.get("/account/sessions").body());

        assertThat(page.select("tbody tr[data-session]")).hasSize(2);
        assertThat(page.select("tbody tr[data-session]").eachText()).anySatisfy(row -> assertThat(row)
                .contains("Firefox on Linux", "This session", "127.0.0.1"))
                .anySatisfy(row -> assertThat(row).contains("Chrome on Android").doesNotContain("This session"));
    }

    @Test
    void endingTheOtherDeviceSignsItOutAndKeepsThisOne() throws Exception {
        HttpResponse<String> page = laptop.get("/account/sessions");
        String phoneSession = Jsoup.parse(page.body()).select("tbody tr[data-session]").stream()
                .filter(row -> row.text().contains("Android")).findFirst().orElseThrow().attr("data-session");

        HttpResponse<String> ended = laptop.post("/account/sessions/" + phoneSession + "/end", page, Map.of());

        assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/account/sessions"));
        assertThat(sentToSignIn(phone.get("/caseload"))).as("the phone is signed out").isTrue();
        assertThat(laptop.get("/caseload").statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(laptop.get("/account/sessions").body()).select("tbody tr[data-session]")).hasSize(1);
    }

    @Test
    void endingASessionAgainSaysItHasAlreadyEnded() throws Exception {
        HttpResponse<String> page = laptop.get("/account/sessions");

        laptop.post("/account/sessions/no-such-session/end", page, Map.of());

        assertThat(laptop.get("/account/sessions").body()).contains("That session has already ended.");
    }

    @Test
    void endsAllOtherSessionsAtOnce() throws Exception {
        RealBrowser tablet = new RealBrowser(port, "Mozilla/5.0 (iPad; CPU OS 18_0 like Mac OS X) Safari/604.1");
        tablet.signedIn(ash.username(), TestOrganisation.PASSWORD);

        laptop.post("/account/sessions/end-others", laptop.get("/account/sessions"), Map.of());

        assertThat(sentToSignIn(phone.get("/caseload"))).isTrue();
        assertThat(sentToSignIn(tablet.get("/caseload"))).isTrue();
        assertThat(laptop.get("/account/sessions").body()).contains("Ended 2 other sessions");
    }

    @Test
    void noOneEndsAnotherPersonsSession() throws Exception {
        Staff kim = new TestOrganisation(accounts, people, "Hillside Support").aHelper("Kim Vale");
        RealBrowser kimsLaptop = new RealBrowser(port, LAPTOP);
        kimsLaptop.signedIn(kim.username(), TestOrganisation.PASSWORD);
        String ashsPhone = Jsoup.parse(phone.get("/account/sessions").body())
                .select("tbody tr[data-session]").stream().filter(row -> row.text().contains("This session"))
                .findFirst().orElseThrow().attr("data-session");

        kimsLaptop.post("/account/sessions/" + ashsPhone + "/end", kimsLaptop.get("/account/sessions"), Map.of());

        assertThat(phone.get("/caseload").statusCode()).isEqualTo(200);
        assertThat(kimsLaptop.get("/account/sessions").body()).contains("That session has already ended.");
    }

    @Test
    void theApiListsAndEndsSessions() throws Exception {
        HttpResponse<String> listed = api("GET", "/api/account/sessions");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"device\":\"Chrome on Android\"", "\"device\":\"Firefox on Linux\"")
                .doesNotContain("\"current\":true");
        String phoneSession = Jsoup.parse(phone.get("/account/sessions").body())
                .select("tbody tr[data-session]").stream().filter(row -> row.text().contains("This session"))
                .findFirst().orElseThrow().attr("data-session");

        assertThat(api("DELETE", "/api/account/sessions/" + phoneSession).statusCode()).isEqualTo(204);

        assertThat(sentToSignIn(phone.get("/caseload"))).isTrue();
        HttpResponse<String> again = api("DELETE", "/api/account/sessions/" + phoneSession);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aSessionThatCannotBeReadBackAsksItsPersonToSignInAgain() throws Exception {
        jdbc.sql("""
                update spring_session_attributes set attribute_bytes = ? where attribute_name = 'SPRING_SECURITY_CONTEXT'
                and session_primary_id in (select primary_id from spring_session where principal_name = ?)""")
                .params("saved by another version".getBytes(StandardCharsets.UTF_8), ash.username()).update();

        HttpResponse<String> answer = laptop.get("/caseload");

        assertThat(sentToSignIn(answer)).isTrue();
        laptop.signedIn(ash.username(), TestOrganisation.PASSWORD);
        assertThat(laptop.get("/caseload").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> api(String method, String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString((ash.username() + ":" + TestOrganisation.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
