package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rapport.browser.Browser;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A helper issues a token for a script from the API tokens page, copies it while it is shown, the
 * script reads the caseload with it, and once revoked it no longer works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiTokensBrowserTests {

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;

    Browser browser;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void aHelperIssuesATokenUsesItAndRevokesIt() throws Exception {
        Staff remy = new TestOrganisation(accounts, people, "Harbour Mentoring").aHelper("Remy Castell");
        browser = Browser.open("http://localhost:" + port, Browser.PHONE);
        browser.signIn(remy.username(), TestOrganisation.PASSWORD);

        browser.follow("API tokens");
        browser.fill("Name, to tell it apart", "Monthly report").checkRadioIn("token-scope", "READ")
                .press("Issue the token");
        String token = browser.driver().findElement(By.id("token-value")).getDomProperty("value");
        assertThat(browser.text("issued-token")).contains("copy it now");
        browser.assertAccessible().screenshot("api-token-issued");

        assertThat(caseload(token)).isEqualTo(200);

        browser.press("Revoke");
        assertThat(browser.text()).contains("Revoked the token").contains("Revoked");
        browser.assertAccessible().screenshot("api-token-revoked");
        assertThat(caseload(token)).isEqualTo(401);
    }

    private int caseload(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/caseload"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
