package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The page of one's own API tokens: issue one and see it once, see the list, revoke; bad input kept. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenPagesTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired JdbcClient jdbc;

    TestOrganisation riverside;
    Staff ash;

    @BeforeEach
    void aHelper() {
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
    }

    @Test
    void issuesATokenShowsItOnceAndThenOnlyItsName() throws Exception {
        Document issued = page(post("/account/tokens").with(csrf()).param("name", "Weekly report")
                .param("scope", "READ_WRITE").param("days", "30"));
        String token = issued.select("#token-value").val();
        assertThat(token).startsWith("rpt_");
        assertThat(issued.select("table").text()).contains("Weekly report").contains("Read and change").contains("Never");

        Document later = page(get("/account/tokens"));
        assertThat(later.html()).doesNotContain(token);
        assertThat(later.select("table").text()).contains("Weekly report");
        assertThat(later.select("#issued-token")).isEmpty();
    }

    @Test
    void refusesAMissingNameOrBadDaysAndKeepsWhatWasTyped() throws Exception {
        Document noName = page(post("/account/tokens").with(csrf()).param("name", " ").param("scope", "READ")
                .param("days", "30"));
        assertThat(noName.select("#issue-token-problem").text()).contains("Give the token a name");

        Document badDays = page(post("/account/tokens").with(csrf()).param("name", "Weekly report")
                .param("scope", "READ_WRITE").param("days", "ninety"));
        assertThat(badDays.select("#issue-token-problem").text()).contains("from 1 to 366 days");
        assertThat(badDays.select("#token-name").val()).isEqualTo("Weekly report");
        assertThat(badDays.select("#token-days").val()).isEqualTo("ninety");
        assertThat(badDays.select("input[value=READ_WRITE]").hasAttr("checked")).isTrue();
        assertThat(riverside.inScope(() -> jdbc.sql("select count(*) from api_token").query(Long.class).single())).isZero();
    }

    @Test
    void revokesATokenFromThePage() throws Exception {
        page(post("/account/tokens").with(csrf()).param("name", "Weekly report").param("scope", "READ").param("days", "30"));
        UUID id = riverside.inScope(() -> jdbc.sql("select token_id from api_token").query(UUID.class).single());

        mvc.perform(post("/account/tokens/{id}/revoke", id).with(csrf()).with(signedIn()));

        assertThat(page(get("/account/tokens")).select("table").text()).contains("Revoked");
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(signedIn())).andReturn().getResponse().getContentAsString());
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn() {
        return user(accounts.loadUserByUsername(ash.username()));
    }
}
