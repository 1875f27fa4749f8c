package org.rapport.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.goals.GoalManagement;
import org.rapport.measures.MeasureManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.sessions.SessionManagement;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** The relationship page carries the health panel: figures with tables of their numbers, and its scripts only where there is a chart. */
@SpringBootTest
@AutoConfigureMockMvc
class HealthPanelPageTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired GoalManagement goals;
    @Autowired MeasureManagement measures;
    @Autowired Clock clock;

    HealthFixtures riverside;
    Staff ash;
    RelationshipId robin;

    @BeforeEach
    void openARelationshipWithRobin() {
        riverside = new HealthFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = riverside.as(ash, () -> relationships.refer(HealthFixtures.aReferral("Robin Fairweather", ash, today().minusDays(60))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Document page() throws Exception {
        String html = mvc.perform(get("/relationships/" + robin).with(user(accounts.loadUserByUsername(ash.username()))))
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void drawsEachChartFromATableOfItsNumbersWithoutInlineScript() throws Exception {
        riverside.fourWeeksOfWork(ash, robin, today(), sessions, goals, measures);

        Document page = page();
        Element health = page.getElementById("health");

        assertThat(health).isNotNull();
        // The webjar locator puts Chart.js's version into its address.
        assertThat(health.select("script")).extracting(s -> s.attr("src").replaceAll("/\\d+\\.\\d+\\.\\d+/", "/")
                        + (s.hasAttr("defer") ? " defer" : ""))
                .containsExactly("/webjars/chart.js/dist/chart.umd.js defer", "/js/health-charts.js defer");
        assertThat(page.select("script:not([src])")).as("inline scripts").isEmpty();
        assertThat(page.select("[style]")).as("inline styles").isEmpty();
        assertThat(health.select("figure.health-chart")).extracting(f -> f.id())
                .containsExactly("health-phq-9", "health-rapport-check-in", "health-t-score", "health-attendance");
        for (Element figure : health.select("figure.health-chart")) {
            assertThat(figure.select("figcaption").text()).isNotBlank();
            assertThat(figure.select("canvas[role=img]").attr("aria-label")).isNotBlank();
            assertThat(figure.select("details > summary").text()).startsWith("Show the numbers");
            assertThat(figure.select("details table caption").text()).isNotBlank();
            assertThat(figure.select("details table th[scope=col]")).isNotEmpty();
        }
        Element phq9 = page.getElementById("health-phq-9");
        assertThat(phq9.attr("data-reference")).isEqualTo("10");
        assertThat(phq9.attr("data-y-max")).isEqualTo("27");
        assertThat(phq9.select("tbody tr")).extracting(r -> r.attr("data-y") + " " + r.attr("data-expected") + " " + r.attr("data-upper"))
                .containsExactly("20 20.0 26.0", "12 19.0 25.0");
        assertThat(page.getElementById("health-rapport-check-in").attr("data-reference")).isEqualTo("45");
        assertThat(page.select("#health-attendance tbody tr")).extracting(r -> r.attr("data-kind"))
                .containsExactly("attended", "not-attended", "cancelled", "attended");
        assertThat(page.getElementById("health-t-score").attr("data-reference")).isEqualTo("50");
    }

    @Test
    void loadsNoChartScriptsForARelationshipWithNothingToChart() throws Exception {
        Element health = page().getElementById("health");

        assertThat(health.select("script, figure")).isEmpty();
        assertThat(health.text()).contains("Phase 1 of 5", "Nothing to chart yet");
    }
}
