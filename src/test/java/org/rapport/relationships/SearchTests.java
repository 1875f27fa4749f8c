package org.rapport.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.browser.Browser;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Finding a client by name from the header: a part of a name in any case, accents ignored, among
 * the relationships the person sees and no others; on the page on a desk and a phone, and through
 * the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SearchTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired Clock clock;

    RelationshipFixtures riverside;
    Staff ash;
    Staff bo;
    Staff admin;
    Browser browser;

    @BeforeEach
    void clientsOfTwoHelpers() {
        riverside = new RelationshipFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        bo = riverside.aHelper("Bo Tern");
        admin = riverside.staff("Alex Ward", Role.ADMIN);
        LocalDate on = LocalDate.now(clock).minusDays(3);
        riverside.as(ash, () -> relationships.refer(RelationshipFixtures.aReferral("Zoë Ashby", ash, "five-stage",
                Urgency.ROUTINE, on, null)));
        riverside.as(ash, () -> relationships.refer(RelationshipFixtures.aReferral("Robin Fairweather", ash, "five-stage",
                Urgency.ROUTINE, on, null)));
        riverside.as(bo, () -> relationships.refer(RelationshipFixtures.aReferral("Zoe Quill", bo, "five-stage",
                Urgency.ROUTINE, on, null)));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void findsAPartOfANameInAnyCaseAccentsIgnoredOnlyAmongWhatThePersonSees() {
        assertThat(riverside.as(ash, () -> relationships.search("zoe"))).extracting(CaseloadEntry::clientPartyName)
                .containsExactly("Zoë Ashby");
        assertThat(riverside.as(ash, () -> relationships.search("  FAIRW "))).extracting(CaseloadEntry::clientPartyName)
                .containsExactly("Robin Fairweather");
        assertThat(riverside.as(admin, () -> relationships.search("zoë"))).extracting(CaseloadEntry::clientPartyName)
                .as("by name, accents aside").containsExactly("Zoë Ashby", "Zoe Quill");
        assertThat(riverside.as(ash, () -> relationships.search(""))).isEmpty();
        assertThat(riverside.as(ash, () -> relationships.search("x".repeat(5000)))).isEmpty();
        assertThat(riverside.as(ash, () -> relationships.search("%"))).as("no pattern characters").isEmpty();
    }

    @Test
    void theApiFindsTheSame() throws Exception {
        WebClient web = new WebClient(mvc, accounts);
        web.checkedApi(bo, get("/api/search").param("q", "ZOE")).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].clientPartyName").value("Zoe Quill"));
        web.checkedApi(bo, get("/api/search")).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void fromTheHeaderOnADeskAndOnAPhone() {
        for (var size : java.util.List.of(Browser.DESKTOP, Browser.PHONE)) {
            browser = Browser.open("http://localhost:" + port, size);
            browser.signIn(ash.username(), TestOrganisation.PASSWORD);
            browser.visit("/caseload").fill("Find a client", "zoe").press("Find");
            assertThat(browser.heading()).isEqualTo("Clients named like “zoe”");
            assertThat(browser.text("search-results")).contains("Zoë Ashby").doesNotContain("Zoe Quill");
            assertThat(browser.field("Find a client").getDomProperty("value")).as("what was typed stays").isEqualTo("zoe");
            browser.assertAccessible().screenshot("search-" + (size == Browser.PHONE ? "phone" : "desk"));
            assertThat(browser.pageWidth()).isLessThanOrEqualTo(size.getWidth());
            browser.followFirstLinkIn("search-results");
            assertThat(browser.heading()).isEqualTo("Zoë Ashby");
            browser.fill("Find a client", "nobody-like-this").press("Find");
            assertThat(browser.text()).contains("Nobody you see is named like “nobody-like-this”.");
            browser.close();
            browser = null;
        }
    }
}
