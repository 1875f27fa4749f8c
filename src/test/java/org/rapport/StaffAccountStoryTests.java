package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.browser.Browser;
import org.rapport.people.PeopleDirectory;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member of staff's whole life with Rapport, as an organisation lives it: the admin invites them,
 * they choose their password from the mail and sign in, later forget it and choose a new one, and
 * when they leave the admin deactivates them and they can no longer sign in. Once in a browser and
 * once through the HTTP API, over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffAccountStoryTests {

    static final String CHOSEN = "meadow lantern thistle quay";
    static final String LATER = "copper willow beacon fern";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired PeopleDirectory directory;
    @Autowired JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    Browser admin;
    Browser phone;

    @AfterEach
    void closeTheBrowsers() {
        if (admin != null) admin.close();
        if (phone != null) phone.close();
    }

    @Test
    void inABrowser() {
        TestOrganisation harbour = new TestOrganisation(accounts, people, "Harbour Mentoring");
        Staff alex = harbour.anAdmin("Alex Ward");
        String noor = "noor.haddad-" + UUID.randomUUID().toString().substring(0, 8) + "@harbour.example";
        admin = Browser.open(base(), Browser.DESKTOP);
        admin.signIn(alex.username(), TestOrganisation.PASSWORD);
        admin.visit("/admin/helpers").follow("Invite a helper by email");
        admin.fill("Name", "Noor Haddad").fill("Email address", noor).choose("Discipline", "Counsellor")
                .press("Send the invitation");

        phone = Browser.open(base(), Browser.PHONE);
        phone.visit(path(linkIn(harbour, noor, "invitation")));
        phone.fill("Password", CHOSEN).fill("Password again", CHOSEN).press("Choose my password");
        phone.follow("Sign in");
        phone.signIn(noor, CHOSEN);
        assertThat(phone.currentPath()).as("signed in with the chosen password").doesNotStartWith("/login");
        phone.press("Sign out");

        phone.follow("Forgot your password?");
        phone.fill("Email address", noor).press("Send me a link");
        phone.visit(path(linkIn(harbour, noor, "password-reset")));
        phone.fill("New password", LATER).fill("New password again", LATER).press("Change my password");
        phone.follow("Sign in");
        phone.signIn(noor, LATER);
        assertThat(phone.currentPath()).as("signed in with the new password").doesNotStartWith("/login");

        admin.visit("/admin/helpers").press("Deactivate");
        assertThat(admin.text()).contains("Deactivated");
        String noorsRecord = harbour.inScope(() -> directory.helpers()).stream()
                .filter(helper -> noor.equals(helper.username())).findFirst().orElseThrow().id().value().toString();
        admin.visit("/admin/helpers/" + noorsRecord + "/open-work");
        assertThat(admin.text()).contains("Noor Haddad leads no open relationships");
        admin.assertAccessible();
        phone.visit("/caseload");
        assertThat(phone.currentPath()).as("the deactivated helper's session is over").startsWith("/login");
        phone.signIn(noor, LATER);
        assertThat(phone.currentPath()).as("and they cannot sign in again").startsWith("/login");
    }

    @Test
    void throughTheHttpApi() throws Exception {
        TestOrganisation harbour = new TestOrganisation(accounts, people, "Harbour Mentoring");
        Staff alex = harbour.anAdmin("Alex Ward");
        String noor = "noor.haddad-" + UUID.randomUUID().toString().substring(0, 8) + "@harbour.example";

        assertThat(call("POST", "/api/invitations", alex.username(), TestOrganisation.PASSWORD,
                "{\"name\": \"Noor Haddad\", \"discipline\": \"COUNSELLOR\", \"email\": \"" + noor + "\"}").statusCode())
                .isEqualTo(201);
        assertThat(call("POST", "/api/invitations/accept", null, null,
                "{\"token\": \"" + token(linkIn(harbour, noor, "invitation")) + "\", \"password\": \"" + CHOSEN + "\"}")
                .statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/helpers", noor, CHOSEN, null).statusCode()).isEqualTo(200);

        assertThat(call("POST", "/api/password-resets", null, null, "{\"email\": \"" + noor + "\"}").statusCode()).isEqualTo(202);
        assertThat(call("POST", "/api/password-resets/complete", null, null,
                "{\"token\": \"" + token(linkIn(harbour, noor, "password-reset")) + "\", \"password\": \"" + LATER + "\"}")
                .statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/helpers", noor, CHOSEN, null).statusCode()).as("the old password").isEqualTo(401);
        assertThat(call("GET", "/api/helpers", noor, LATER, null).statusCode()).isEqualTo(200);

        assertThat(call("POST", "/api/accounts/" + noor + "/deactivate", alex.username(), TestOrganisation.PASSWORD, null)
                .statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/helpers", noor, LATER, null).statusCode()).as("deactivated").isEqualTo(401);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** The link in the latest message of this template to this address, as its reader would find it. */
    private String linkIn(TestOrganisation organisation, String address, String template) {
        String body = organisation.inScope(() -> jdbc.sql("select text_body from mail_message where recipient = ? and template = ?"
                + " order by queued_at desc limit 1").params(address, template).query(String.class).single());
        Matcher link = Pattern.compile("https?://\\S+").matcher(body);
        assertThat(link.find()).as("a link in the " + template).isTrue();
        return link.group();
    }

    private static String path(String link) {
        return URI.create(link).getPath();
    }

    private static String token(String link) {
        String path = path(link);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> call(String method, String path, String username, String password, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
