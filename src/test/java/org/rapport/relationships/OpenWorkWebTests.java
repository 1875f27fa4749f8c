package org.rapport.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.relationships.RelationshipFixtures.aReferral;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A helper leaves: the admin deactivates them and finds the open work they led, each relationship
 * linked to its handover, on a page and through the API. Only admins see it; nobody across the wall.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenWorkWebTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired Clock clock;

    WebClient web;
    RelationshipFixtures riverside;
    Staff admin;
    Staff ash;
    Staff sam;
    RelationshipId robin;
    RelationshipId kit;

    @BeforeEach
    void ashLeadsTwoRelationshipsAndSamOne() {
        web = new WebClient(mvc, accounts);
        riverside = new RelationshipFixtures(accounts, people, "Riverside Counselling");
        admin = riverside.anAdmin("Alex Ward");
        ash = riverside.aHelper("Ash Marlow");
        sam = riverside.aHelper("Sam Lee");
        LocalDate today = LocalDate.now(clock);
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, "five-stage",
                Urgency.SOON, today.minusWeeks(4), null)));
        kit = riverside.as(ash, () -> relationships.refer(aReferral("Kit Morrow", ash, "five-stage",
                Urgency.ROUTINE, today.minusWeeks(2), null)));
        riverside.as(sam, () -> relationships.refer(aReferral("Jo Finch", sam, "five-stage", Urgency.ROUTINE,
                today.minusWeeks(1), null)));
    }

    @Test
    void afterDeactivatingAHelperTheAdminFindsTheWorkTheyLedToHandOver() throws Exception {
        var deactivated = web.checkedPage(admin, post("/admin/helpers/deactivate").param("username", ash.username()));
        assertThat((String) deactivated.getFlashMap().get("flash")).contains("hand over the work they led");
        Document helpers = Jsoup.parse(web.checkedPage(admin, get("/admin/helpers")).getResponse().getContentAsString());
        String openWork = helpers.select("a:contains(Open work to hand over)").attr("href");
        assertThat(openWork).isEqualTo("/admin/helpers/" + ash.helper().value() + "/open-work");

        Document page = Jsoup.parse(web.checkedPage(admin, get(openWork)).getResponse().getContentAsString());

        assertThat(page.select("h1").text()).isEqualTo("Open work of Ash Marlow");
        assertThat(page.select("#open-work tbody tr")).extracting(row -> row.select("td").first().select("a").first().text())
                .containsExactly("Robin Fairweather", "Kit Morrow");
        assertThat(page.select("#open-work a:contains(Hand over)").eachAttr("href"))
                .containsExactly("/relationships/" + robin.value() + "/handover", "/relationships/" + kit.value() + "/handover");
    }

    @Test
    void theApiListsTheSameWork() throws Exception {
        web.checkedApi(admin, get("/api/helpers/" + ash.helper().value() + "/open-relationships"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].relationshipId").value(robin.value().toString()))
                .andExpect(jsonPath("$[0].handovers").value("/api/relationships/" + robin.value() + "/handovers"));
    }

    @Test
    void aHelperWhoLeadsNothingHasNothingToHandOver() throws Exception {
        Staff lee = riverside.aHelper("Lee Park");

        Document page = Jsoup.parse(web.checkedPage(admin, get("/admin/helpers/" + lee.helper().value() + "/open-work"))
                .getResponse().getContentAsString());

        assertThat(page.select("#open-work-empty").text()).contains("nothing to hand over");
    }

    @Test
    void onlyAnAdminOfTheOrganisationSeesIt() throws Exception {
        TestOrganisation harbour = new TestOrganisation(accounts, people, "Harbour Coaching");
        Staff theirAdmin = harbour.anAdmin("Sam Reyes");

        WebClient.isProblem(web.api(sam, get("/api/helpers/" + ash.helper().value() + "/open-relationships")), 403);
        assertThat(web.page(sam, get("/admin/helpers/" + ash.helper().value() + "/open-work")).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        WebClient.isProblem(web.api(theirAdmin, get("/api/helpers/" + ash.helper().value() + "/open-relationships")), 404);
        WebClient.isProblem(web.api(admin, get("/api/helpers/" + UUID.randomUUID() + "/open-relationships")), 404);
        WebClient.isProblem(web.api(admin, get("/api/helpers/not-an-id/open-relationships")), 400);
    }
}
