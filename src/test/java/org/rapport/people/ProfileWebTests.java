package org.rapport.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.Role;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Everyone edits their own profile: a helper their name, pronouns, discipline and registration;
 * a member of staff who is not a helper their name only. Bad input is said plainly and keeps what
 * was typed; the name shows at once, on the helpers list and in the page header.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProfileWebTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired PeopleDirectory directory;

    WebClient web;
    TestOrganisation riverside;
    Staff ash;

    @BeforeEach
    void aHelper() {
        web = new WebClient(mvc, accounts);
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
    }

    @Test
    void aHelperChangesTheirProfileFromThePage() throws Exception {
        MvcResult saved = web.checkedPage(ash, post("/account/profile").param("name", "Ash Marlow-Reyes")
                .param("pronouns", "they/them").param("discipline", "PSYCHOTHERAPIST")
                .param("registrationBody", "UKCP").param("registrationNumber", "2024-0117"));

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/account/profile");
        Profile profile = riverside.as(ash, () -> people.myProfile());
        assertThat(profile).isEqualTo(new Profile("Ash Marlow-Reyes", "they/them", Discipline.PSYCHOTHERAPIST, "UKCP", "2024-0117"));
        assertThat(riverside.inScope(() -> directory.helper(ash.helper())).orElseThrow().name()).isEqualTo("Ash Marlow-Reyes");
        assertThat(riverside.inScope(() -> directory.helper(ash.helper())).orElseThrow().nameWithPronouns())
                .as("pronouns beside the name wherever helpers are listed").isEqualTo("Ash Marlow-Reyes (they/them)");
        web.checkedApi(ash, get("/api/helpers/" + ash.helper().value())).andExpect(jsonPath("$.pronouns").value("they/them"));
        assertThat(riverside.inScope(() -> accounts.loadUserByUsername(ash.username()))).extracting("displayName")
                .isEqualTo("Ash Marlow-Reyes");
        Document page = Jsoup.parse(web.checkedPage(ash, get("/account/profile")).getResponse().getContentAsString());
        assertThat(page.select("#pronouns").val()).isEqualTo("they/them");
        assertThat(page.select("#discipline option[selected]").val()).isEqualTo("PSYCHOTHERAPIST");
    }

    @Test
    void badInputIsSaidPlainlyAndKeepsWhatWasTyped() throws Exception {
        Document half = profilePage(post("/account/profile").param("name", "Ash Marlow").param("pronouns", "she/her")
                .param("discipline", "COUNSELLOR").param("registrationBody", "BACP").param("registrationNumber", ""));
        assertThat(half.select("#profile-problem").text()).contains("both the body you are registered with and your number");
        assertThat(half.select("#registrationBody").val()).isEqualTo("BACP");
        assertThat(half.select("#pronouns").val()).isEqualTo("she/her");

        Document noName = profilePage(post("/account/profile").param("name", " ").param("discipline", "COUNSELLOR"));
        assertThat(noName.select("#profile-problem").text()).contains("Give your name");

        Document longPronouns = profilePage(post("/account/profile").param("name", "Ash Marlow")
                .param("pronouns", "x".repeat(41)).param("discipline", "COUNSELLOR"));
        assertThat(longPronouns.select("#profile-problem").text()).contains("at most 40 characters");

        Document noDiscipline = profilePage(post("/account/profile").param("name", "Ash Marlow").param("discipline", "WIZARD"));
        assertThat(noDiscipline.select("#profile-problem").text()).contains("discipline");

        assertThat(riverside.as(ash, () -> people.myProfile()).name()).as("nothing was changed").isEqualTo("Ash Marlow");
    }

    @Test
    void theApiShowsAndChangesTheProfile() throws Exception {
        web.checkedApi(ash, put("/api/account/profile").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "Ash Marlow", "pronouns": "he/him", "discipline": "NURSE",
                 "registrationBody": "NMC", "registrationNumber": "12A3456B"}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.registrationBody").value("NMC"));
        web.checkedApi(ash, get("/api/account/profile"))
                .andExpect(jsonPath("$.pronouns").value("he/him")).andExpect(jsonPath("$.discipline").value("NURSE"));

        WebClient.isProblem(web.checkedApi(ash, put("/api/account/profile").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"\", \"discipline\": \"NURSE\"}")), 409);
        WebClient.isProblem(web.checkedApi(ash, put("/api/account/profile").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Ash\", \"discipline\": \"WIZARD\"}")), 400);
        WebClient.isProblem(web.checkedApi(ash, put("/api/account/profile").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": ")), 400);
    }

    @Test
    void staffWhoAreNotHelpersChangeTheirNameOnly() throws Exception {
        String username = "avery.quinn-" + UUID.randomUUID().toString().substring(0, 8) + "@riverside.example";
        riverside.inScope(() -> accounts.openAccount(new NewAccount(username, TestOrganisation.PASSWORD, "Avery Quinn",
                Set.of(Role.ADMIN), null)));
        Staff avery = new Staff(null, username, "Avery Quinn");

        Document page = Jsoup.parse(web.checkedPage(avery, get("/account/profile")).getResponse().getContentAsString());
        assertThat(page.select("#pronouns")).isEmpty();
        web.checkedPage(avery, post("/account/profile").param("name", "Avery Quinn-Shaw").param("pronouns", "ignored"));

        web.checkedApi(avery, get("/api/account/profile"))
                .andExpect(jsonPath("$.name").value("Avery Quinn-Shaw")).andExpect(jsonPath("$.discipline").isEmpty());
    }

    private Document profilePage(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        MvcResult result = web.checkedPage(ash, request);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}
