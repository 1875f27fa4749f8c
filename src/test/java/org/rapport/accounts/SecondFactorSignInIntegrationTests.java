package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.TravellingClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing in with a second factor, over real HTTP, with codes computed as an authenticator app
 * computes them: set up from one's own page, or at sign-in when the organisation requires it; a
 * code is asked for after the password, works once, and a recovery code stands in for a lost phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TravellingClock.Configuration.class)
class SecondFactorSignInIntegrationTests {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired SecondFactors secondFactors;
    @Autowired ApiTokenManagement tokens;
    @Autowired JdbcClient jdbc;
    @Autowired TravellingClock clock;
    @LocalServerPort int port;

    TestOrganisation riverside;
    Staff ash;
    Staff admin;

    @BeforeEach
    void anOrganisation() {
        clock.reset();
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        admin = riverside.anAdmin("Alex Ward");
    }

    @Test
    void aHelperSetsUpASecondFactorAndIsAskedForACodeAtTheNextSignIn() throws Exception {
        RealBrowser laptop = signedIn(ash);
        String secret = setUpFromOwnPage(laptop);

        RealBrowser phone = new RealBrowser(port, BROWSER);
        assertThat(phone.signIn(ash.username(), TestOrganisation.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login/code"));
        assertThat(location(phone.get("/caseload"))).as("nothing else opens before the code").endsWith("/login/code");
        HttpResponse<String> codePage = phone.get("/login/code");
        assertThat(Jsoup.parse(codePage.body()).select("main p").first().text()).startsWith("Hello Ash Marlow.");

        HttpResponse<String> wrong = phone.post("/login/code", codePage, Map.of("code", "000000"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("That code does not match");

        clock.travel(Duration.ofSeconds(30)); // the code of set-up's step has been used
        HttpResponse<String> right = phone.post("/login/code", wrong, Map.of("code", codeNow(secret)));
        assertThat(location(right)).doesNotContain("/login");
        assertThat(phone.get("/caseload").statusCode()).isEqualTo(200);
    }

    @Test
    void aCodeWorksOnceSoOneSeenOverAShoulderIsUseless() throws Exception {
        String secret = setUpFromOwnPage(signedIn(ash));
        clock.travel(Duration.ofSeconds(30));
        String code = codeNow(secret);

        RealBrowser first = new RealBrowser(port, BROWSER);
        first.signIn(ash.username(), TestOrganisation.PASSWORD);
        assertThat(location(first.post("/login/code", first.get("/login/code"), Map.of("code", code)))).doesNotContain("/login");

        RealBrowser second = new RealBrowser(port, BROWSER);
        second.signIn(ash.username(), TestOrganisation.PASSWORD);
        HttpResponse<String> again = second.post("/login/code", second.get("/login/code"), Map.of("code", code));
        assertThat(again.body()).contains("That code does not match");
        assertThat(location(second.get("/caseload"))).endsWith("/login/code");
        // Each sign-in, completed or failed, is in the account's audit trail.
        assertThat(auditOf(ash)).containsSubsequence("Signed in with a password and a code from the authenticator app",
                "Sign-in failed: wrong second-factor code");
    }

    @Test
    void aRecoveryCodeSignsInOnceInsteadOfTheApp() throws Exception {
        RealBrowser laptop = signedIn(ash);
        HttpResponse<String> setUp = laptop.get("/account/second-factor/set-up");
        String secret = secretOn(setUp);
        HttpResponse<String> codesPage = laptop.post("/account/second-factor/set-up", setUp, Map.of("code", codeNow(secret)));
        List<String> recovery = Jsoup.parse(codesPage.body()).select("#recovery-codes code").eachText();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

        RealBrowser borrowed = new RealBrowser(port, BROWSER);
        borrowed.signIn(ash.username(), TestOrganisation.PASSWORD);
        assertThat(location(borrowed.post("/login/code", borrowed.get("/login/code"), Map.of("code", recovery.get(3)))))
                .doesNotContain("/login");

        RealBrowser again = new RealBrowser(port, BROWSER);
        again.signIn(ash.username(), TestOrganisation.PASSWORD);
        assertThat(again.post("/login/code", again.get("/login/code"), Map.of("code", recovery.get(3))).body())
                .contains("That code does not match");
        assertThat(auditOf(ash)).as("one line for the sign-in").contains("Signed in with a recovery code")
                .noneMatch(line -> line.startsWith("Signed in with a password and"));
        assertThat(Jsoup.parse(laptop.get("/account/second-factor").body()).select("#second-factor-state").text())
                .contains("9 unused recovery codes");
    }

    @Test
    void anAdminWhoseOrganisationRequiresItSetsItUpAtSignInBeforeAnythingElse() throws Exception {
        riverside.inScope(() -> {
            secondFactors.require(SecondFactorPolicy.ADMINS);
            return null;
        });
        RealBrowser browser = new RealBrowser(port, BROWSER);
        assertThat(browser.signIn(admin.username(), TestOrganisation.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login/set-up"));
        assertThat(location(browser.get("/admin/helpers"))).endsWith("/login/set-up");
        assertThat(call("GET", "/api/caseload", basic(admin)).body()).as("HTTP Basic cannot carry a second factor")
                .contains("Second factor needed");

        HttpResponse<String> setUp = browser.get("/login/set-up");
        assertThat(Jsoup.parse(setUp.body()).select("figure.qr img").attr("src")).startsWith("data:image/png;base64,");
        String secret = secretOn(setUp);
        HttpResponse<String> wrong = browser.post("/login/set-up", setUp, Map.of("code", "123456"));
        assertThat(wrong.body()).contains("That code does not match");
        assertThat(secretOn(wrong)).as("the same secret while setting up").isEqualTo(secret);

        HttpResponse<String> codes = browser.post("/login/set-up", wrong, Map.of("code", codeNow(secret)));

        assertThat(Jsoup.parse(codes.body()).select("#recovery-codes code")).hasSize(10);
        assertThat(browser.get("/admin/helpers").statusCode()).isEqualTo(200);
        assertThat(auditOf(admin)).contains("Second factor set up (authenticator app), with 10 recovery codes");
        assertThat(call("GET", "/api/caseload", basic(admin)).statusCode()).isEqualTo(401);
        String token = riverside.as(admin, () -> tokens.issue("Reports", ApiTokenScope.READ, 30)).token();
        assertThat(call("GET", "/api/caseload", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void theSecretIsKeptEncrypted() throws Exception {
        String secret = setUpFromOwnPage(signedIn(ash));

        byte[] stored = riverside.inScope(() -> jdbc.sql("select secret from second_factor").query(byte[].class).single());

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
    }

    @Test
    void anAdminResetsALostSecondFactorAndTheHelperSignsInWithTheirPasswordAgain() throws Exception {
        setUpFromOwnPage(signedIn(ash));
        RealBrowser adminsBrowser = signedIn(admin);
        HttpResponse<String> helpers = adminsBrowser.get("/admin/helpers");
        assertThat(Jsoup.parse(helpers.body()).select("button[aria-label='Reset the second factor of Ash Marlow']")).hasSize(1);

        adminsBrowser.post("/admin/helpers/reset-second-factor", helpers, Map.of("username", ash.username()));

        signedIn(ash);
        assertThat(auditOf(ash)).contains("Second factor reset by an admin");
    }

    @Test
    void onlyAnAdminChoosesWhoMustUseASecondFactor() throws Exception {
        assertThat(call("PUT", "/api/organisation/second-factor", basic(ash), "{\"required\":\"NOBODY\"}").statusCode())
                .isEqualTo(403);
        assertThat(signedIn(ash).get("/admin/sign-in").statusCode()).isEqualTo(403);
        HttpResponse<String> refused = call("PUT", "/api/organisation/second-factor", basic(admin), "{\"required\":\"SOME\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));

        RealBrowser adminsBrowser = signedIn(admin);
        adminsBrowser.post("/admin/sign-in", adminsBrowser.get("/admin/sign-in"), Map.of("policy", "ALL_STAFF"));

        assertThat(adminsBrowser.get("/admin/sign-in").body()).contains("All staff must use a second factor");
        assertThat(call("GET", "/api/organisation/second-factor", basic(ash)).statusCode()).as("now needs one").isEqualTo(401);
        assertThat(new RealBrowser(port, BROWSER).signIn(ash.username(), TestOrganisation.PASSWORD)
                .headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login/set-up"));
    }

    private RealBrowser signedIn(Staff who) throws Exception {
        RealBrowser browser = new RealBrowser(port, BROWSER);
        browser.signedIn(who.username(), TestOrganisation.PASSWORD);
        return browser;
    }

    /** Sets up a second factor from the person's own page, as their app would; returns the app's secret. */
    private String setUpFromOwnPage(RealBrowser browser) throws Exception {
        HttpResponse<String> setUp = browser.get("/account/second-factor/set-up");
        String secret = secretOn(setUp);
        HttpResponse<String> codes = browser.post("/account/second-factor/set-up", setUp, Map.of("code", codeNow(secret)));
        assertThat(Jsoup.parse(codes.body()).select("#recovery-codes code")).hasSize(10);
        return secret;
    }

    private static String secretOn(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).getElementById("secret").text().replace(" ", "");
    }

    private String codeNow(String secret) throws Exception {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, clock.instant().getEpochSecond() / 30);
    }

    private List<String> auditOf(Staff who) {
        return riverside.inScope(() -> jdbc.sql("""
                select e.detail from audit_entry e
                join user_account a on a.organisation_id = e.organisation_id and a.account_id = e.record_id
                where a.username = ? and e.record_type = 'sign-in account' order by e.happened_at, e.entry_id""")
                .param(who.username()).query(String.class).list());
    }

    private static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("(no redirect: " + answer.statusCode() + ")");
    }

    private static String basic(Staff who) {
        return "Basic " + Base64.getEncoder().encodeToString((who.username() + ":" + TestOrganisation.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
        return call(method, path, authorization, null);
    }

    private HttpResponse<String> call(String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization);
        if (json != null) request.header("Content-Type", "application/json");
        return HttpClient.newHttpClient().send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
