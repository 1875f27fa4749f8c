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
 * A person changes their own password, knowing the current one: the new one is held to the
 * password policy, the old one stops working, every other session of theirs is signed out and the
 * change is audited. Wrong current passwords count against sign-in, so an open session cannot be
 * used to guess the password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordChangeIntegrationTests {

    static final String LAPTOP = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    static final String PHONE = "Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/140.0 Mobile Safari/537.36";
    static final String NEW_PASSWORD = "lantern orchard pebble drift";

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    TestOrganisation riverside;
    Staff ash;
    RealBrowser laptop;
    RealBrowser phone;

    @BeforeEach
    void aHelperSignedInOnTwoDevices() throws Exception {
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        laptop = new RealBrowser(port, LAPTOP);
        phone = new RealBrowser(port, PHONE);
        laptop.signedIn(ash.username(), TestOrganisation.PASSWORD);
        phone.signedIn(ash.username(), TestOrganisation.PASSWORD);
    }

    @Test
    void changingThePasswordSignsOutTheOtherDevicesAndKeepsThisOne() throws Exception {
        HttpResponse<String> changed = change(TestOrganisation.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(changed.headers().firstValue("Location")).hasValueSatisfying(
                to -> assertThat(to).endsWith("/account/password"));
        assertThat(laptop.get("/account/password").body()).contains("Your password is changed");
        assertThat(laptop.get("/caseload").statusCode()).isEqualTo(200);
        assertThat(sentToSignIn(phone.get("/caseload"))).as("the phone is signed out").isTrue();
        assertThat(sentToSignIn(new RealBrowser(port, PHONE).signIn(ash.username(), TestOrganisation.PASSWORD)))
                .as("the old password no longer signs in").isTrue();
        new RealBrowser(port, PHONE).signedIn(ash.username(), NEW_PASSWORD);
        assertThat(auditOfAsh()).contains("Password changed by its owner; their other signed-in sessions ended");
    }

    @Test
    void aWrongCurrentPasswordIsSaidBesideItAndChangesNothing() throws Exception {
        Document page = Jsoup.parse(change("not-my-password-at-all", NEW_PASSWORD, NEW_PASSWORD).body());

        assertThat(page.select("#current-problem").text()).isEqualTo("That is not your current password.");
        assertThat(page.select("#current").attr("aria-describedby")).isEqualTo("current-problem");
        assertThat(page.select("input[type=password]").eachAttr("value")).as("no password is sent back")
                .allMatch(String::isEmpty);
        assertThat(phone.get("/caseload").statusCode()).isEqualTo(200);
        new RealBrowser(port, PHONE).signedIn(ash.username(), TestOrganisation.PASSWORD);
    }

    @Test
    void wrongCurrentPasswordsPauseSignInAsWrongSignInsDo() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            change("guess-number-" + attempt + "-wrong", NEW_PASSWORD, NEW_PASSWORD);
        }

        Document page = Jsoup.parse(change(TestOrganisation.PASSWORD, NEW_PASSWORD, NEW_PASSWORD).body());

        assertThat(page.select("#current-problem").text()).startsWith("Too many wrong passwords");
        assertThat(sentToSignIn(new RealBrowser(port, PHONE).signIn(ash.username(), TestOrganisation.PASSWORD)))
                .as("even the right password is refused while paused").isTrue();
        assertThat(auditOfAsh()).anySatisfy(detail -> assertThat(detail)
                .startsWith("Sign-in paused until").contains("after 5 failed attempts with this sign-in name"));
    }

    @Test
    void aNewPasswordThePolicyRefusesIsSaidBesideIt() throws Exception {
        for (String refused : List.of("short", "passwordpassword", "ash marlow riverside", TestOrganisation.PASSWORD)) {
            Document page = Jsoup.parse(change(TestOrganisation.PASSWORD, refused, refused).body());

            assertThat(page.select("#replacement-problem").text()).as(refused).isNotBlank();
            assertThat(page.select("#replacement").attr("aria-describedby")).contains("replacement-problem");
        }
        assertThat(page(change(TestOrganisation.PASSWORD, TestOrganisation.PASSWORD, TestOrganisation.PASSWORD))
                .select("#replacement-problem").text()).isEqualTo("That is your current password; choose a new one.");
        new RealBrowser(port, PHONE).signedIn(ash.username(), TestOrganisation.PASSWORD);
    }

    @Test
    void twoDifferentNewPasswordsAreRefused() throws Exception {
        Document page = page(change(TestOrganisation.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!"));

        assertThat(page.select("#repeated-problem").text()).startsWith("The two new passwords are not the same");
        new RealBrowser(port, PHONE).signedIn(ash.username(), TestOrganisation.PASSWORD);
    }

    @Test
    void theApiChangesThePasswordAndEndsEverySession() throws Exception {
        HttpResponse<String> changed = api(TestOrganisation.PASSWORD, "PUT",
                "{\"current\":\"" + TestOrganisation.PASSWORD + "\",\"replacement\":\"" + NEW_PASSWORD + "\"}");

        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(sentToSignIn(laptop.get("/caseload"))).isTrue();
        assertThat(sentToSignIn(phone.get("/caseload"))).isTrue();
        assertThat(api(TestOrganisation.PASSWORD, "GET", null).statusCode()).as("old password").isEqualTo(401);
        assertThat(api(NEW_PASSWORD, "GET", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theApiNamesTheFieldAtFault() throws Exception {
        HttpResponse<String> wrong = api(TestOrganisation.PASSWORD, "PUT",
                "{\"current\":\"not-it-at-all\",\"replacement\":\"" + NEW_PASSWORD + "\"}");
        HttpResponse<String> weak = api(TestOrganisation.PASSWORD, "PUT",
                "{\"current\":\"" + TestOrganisation.PASSWORD + "\",\"replacement\":\"123456789012\"}");
        HttpResponse<String> missing = api(TestOrganisation.PASSWORD, "PUT", "{}");
        HttpResponse<String> unreadable = api(TestOrganisation.PASSWORD, "PUT", "{\"current\":");

        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(wrong.body()).contains("\"field\":\"current\"", "That is not your current password.");
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("\"field\":\"replacement\"");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("\"field\":\"current\"");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(phone.get("/caseload").statusCode()).as("nothing changed").isEqualTo(200);
    }

    private HttpResponse<String> change(String current, String replacement, String repeated) throws Exception {
        return laptop.post("/account/password", laptop.get("/account/password"),
                Map.of("current", current, "replacement", replacement, "repeated", repeated));
    }

    private static Document page(HttpResponse<String> answer) {
        return Jsoup.parse(answer.body());
    }

    private List<String> auditOfAsh() {
        return riverside.inScope(() -> jdbc.sql("""
                select e.detail from audit_entry e
                join user_account a on a.organisation_id = e.organisation_id and a.account_id = e.record_id
                where a.username = ? and e.record_type = 'sign-in account' order by e.happened_at, e.entry_id""").param(ash.username()).query(String.class).list());
    }

    private HttpResponse<String> api(String password, String method, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString((ash.username() + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        String path = json == null ? "/api/account/sessions" : "/api/account/password";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic);
        if (json != null) request.header("Content-Type", "application/json");
        return HttpClient.newHttpClient().send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
