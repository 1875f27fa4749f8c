package org.rapport.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class PeoplePagesTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired PeopleDirectory directory;

    PeopleFixtures riverside;
    String admin;

    @BeforeEach
    void openAnOrganisationWithAnAdmin() {
        riverside = new PeopleFixtures(accounts, people, "Riverside Counselling");
        admin = riverside.anAdmin();
    }

    @Test
    void linksTheAdminHomeToEveryAdminPage() throws Exception {
        Document page = page(as(admin, get("/admin")));
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("main a").eachAttr("href"))
                .contains("/admin/helpers", "/admin/teams", "/admin/supervision", "/admin/clients", "/admin/process-models");
    }

    @Test
    void keepsAdminPagesFromOtherStaff() throws Exception {
        String helper = riverside.aPlainHelperAccount();
        as(helper, get("/admin/helpers")).andExpect(status().isForbidden());
        as(helper, post("/admin/helpers").param("name", "Orla Penn").param("discipline", "NURSE").with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(riverside.as(() -> directory.helpers())).hasSize(2);
    }

    @Test
    void refusesAFormSentWithoutItsCsrfToken() throws Exception {
        mvc.perform(post("/admin/helpers").param("name", "Orla Penn").param("discipline", "NURSE")
                .with(user(accounts.loadUserByUsername(admin)))).andExpect(status().isForbidden());
        assertThat(riverside.as(() -> directory.helpers())).hasSize(1);
    }

    @Test
    void listsHelpersWithTheirSignInNamesAndRoles() throws Exception {
        riverside.aHelper("Ada Quill");
        Document page = page(as(admin, get("/admin/helpers")));

        assertThat(page.select("tbody tr")).hasSize(2);
        assertThat(page.select("tbody tr").get(0).text()).contains("Ada Quill", "Counsellor", "Does not sign in", "None");
        assertThat(page.select("tbody tr").get(1).text()).contains("Morgan Admin", admin, "Organisation admin", "Helper");
        assertThat(page.select("label[for]").eachAttr("for"))
                .contains("name", "discipline", "username", "password", "role-ADMIN", "role-SUPERVISOR", "role-HELPER");
    }

    @Test
    void addsAHelperWithAnAccountAndSaysSo() throws Exception {
        String username = PeopleFixtures.uniqueUsername("Noor Vale");
        as(admin, post("/admin/helpers").with(csrf()).param("name", "Noor Vale").param("discipline", "PEER_SUPPORTER")
                .param("username", username).param("password", PeopleFixtures.PASSWORD)
                .param("roles", "HELPER", "SUPERVISOR"))
                .andExpect(redirectedUrl("/admin/helpers"))
                .andExpect(flash().attribute("flash", "Added Noor Vale."));

        assertThat(riverside.as(() -> directory.helpers())).extracting(Helper::username).contains(username);
        assertThat(accounts.loadUserByUsername(username).getAuthorities()).hasSize(2);
    }

    @Test
    void refusesAPasswordThatIsEasyToGuessAndKeepsWhatWasTyped() throws Exception {
        String username = PeopleFixtures.uniqueUsername("Noor Vale");
        Document page = page(as(admin, post("/admin/helpers").with(csrf()).param("name", "Noor Vale")
                .param("discipline", "PEER_SUPPORTER").param("username", username)
                .param("password", "passwordpassword").param("roles", "HELPER")));

        assertThat(page.text()).contains("That password is too easy to guess.");
        assertThat(page.select("#name").val()).isEqualTo("Noor Vale");
        assertThat(page.select("#username").val()).isEqualTo(username);
        assertThat(riverside.as(() -> directory.helpers())).extracting(Helper::username).doesNotContain(username);
    }

    @Test
    void showsWhatIsMissingAndKeepsWhatWasTyped() throws Exception {
        Document page = page(as(admin, post("/admin/helpers").with(csrf()).param("name", " ")
                .param("discipline", "").param("username", "someone.new")));

        assertThat(page.select("#name-error").text()).isEqualTo("Give the helper's name.");
        assertThat(page.select("#name").attr("aria-describedby")).isEqualTo("name-error");
        assertThat(page.select("#name").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#discipline-error").text()).isEqualTo("Choose the helper's discipline.");
        assertThat(page.select("#username").val()).isEqualTo("someone.new");
        assertThat(riverside.as(() -> directory.helpers())).hasSize(1);
    }

    @Test
    void refusesAnOverLongNameAndAnUnknownDiscipline() throws Exception {
        Document tooLong = page(as(admin, post("/admin/helpers").with(csrf()).param("name", "x".repeat(121))
                .param("discipline", "NURSE")));
        assertThat(tooLong.select("#name-error").text()).isEqualTo("A name has at most 120 characters.");
        assertThat(tooLong.select("#discipline option[selected]").val()).isEqualTo("NURSE");

        Document wizard = page(as(admin, post("/admin/helpers").with(csrf()).param("name", "Orla Penn")
                .param("discipline", "WIZARD")));
        assertThat(wizard.select("#discipline-error").text()).isEqualTo("Choose a discipline from the list.");
        assertThat(wizard.select("#name").val()).isEqualTo("Orla Penn");

        assertThat(riverside.as(() -> directory.helpers())).hasSize(1);
    }

    @Test
    void showsARefusalBesideTheFormAndNeverSendsThePasswordBack() throws Exception {
        Document page = page(as(admin, post("/admin/helpers").with(csrf()).param("name", "Orla Penn")
                .param("discipline", "NURSE").param("username", admin).param("password", PeopleFixtures.PASSWORD)));

        assertThat(page.select("#add-helper-problem").text()).contains("already in use");
        assertThat(page.select("#add-helper-problem").attr("role")).isEqualTo("alert");
        assertThat(page.select("#name").val()).isEqualTo("Orla Penn");
        assertThat(page.select("#password").val()).isEmpty();
        assertThat(page.html()).doesNotContain(PeopleFixtures.PASSWORD);
        assertThat(riverside.as(() -> directory.helpers())).hasSize(1);
    }

    @Test
    void formsATeamAndChangesItsMembers() throws Exception {
        HelperId ada = riverside.aHelper("Ada Quill");
        HelperId bo = riverside.aHelper("Bo Tern");

        as(admin, post("/admin/teams").with(csrf()).param("name", "Outreach").param("members", ada.value().toString()))
                .andExpect(redirectedUrl("/admin/teams"))
                .andExpect(flash().attribute("flash", "Formed the team Outreach."));
        TeamId team = riverside.as(() -> directory.teams()).get(0).id();

        as(admin, post("/admin/teams/" + team + "/members").with(csrf()).param("helperId", bo.value().toString()))
                .andExpect(redirectedUrl("/admin/teams"))
                .andExpect(flash().attribute("flash", "Added Bo Tern to the team."));
        as(admin, post("/admin/teams/" + team + "/members/" + ada + "/remove").with(csrf()))
                .andExpect(redirectedUrl("/admin/teams"));

        Document page = page(as(admin, get("/admin/teams")));
        assertThat(page.select("article h2").text()).isEqualTo("Outreach");
        assertThat(page.select("article ul li > span:first-child").eachText()).containsExactly("Bo Tern");
        assertThat(page.select("#add-to-" + team + " option").eachText()).contains("Ada Quill").doesNotContain("Bo Tern");
    }

    @Test
    void showsTeamRefusalsAndStoresNothing() throws Exception {
        HelperId ada = riverside.aHelper("Ada Quill");
        TeamId team = riverside.as(() -> people.formTeam("Outreach", List.of(ada)));

        Document duplicate = page(as(admin, post("/admin/teams").with(csrf()).param("name", "OUTREACH")
                .param("members", ada.value().toString())));
        assertThat(duplicate.select("#team-name-error").text()).contains("There is already a team called");
        assertThat(duplicate.select("#team-name").val()).isEqualTo("OUTREACH");
        assertThat(duplicate.select("#member-" + ada).hasAttr("checked")).isTrue();

        Document blank = page(as(admin, post("/admin/teams").with(csrf()).param("name", "")));
        assertThat(blank.select("#team-name-error").text()).isEqualTo("Give the team a name.");

        Document twice = page(as(admin, post("/admin/teams/" + team + "/members").with(csrf())
                .param("helperId", ada.value().toString())));
        assertThat(twice.select("#team-problem-" + team).text()).isEqualTo("Ada Quill is already a member of this team.");

        Document nobody = page(as(admin, post("/admin/teams/" + team + "/members").with(csrf()).param("helperId", "")));
        assertThat(nobody.select("#team-problem-" + team).text()).isEqualTo("Choose a helper from the list.");

        Document garbled = page(as(admin, post("/admin/teams/" + team + "/members").with(csrf())
                .param("helperId", "not-an-id")));
        assertThat(garbled.select("#team-problem-" + team).text()).isEqualTo("Choose a helper from the list.");

        assertThat(riverside.as(() -> directory.teams())).singleElement()
                .satisfies(t -> assertThat(t.members()).containsExactly(ada));
    }

    @Test
    void answersNotFoundForUnknownAndForeignTeamsAndHelpers() throws Exception {
        PeopleFixtures hillside = new PeopleFixtures(accounts, people, "Hillside Community Nursing");
        HelperId theirs = hillside.aHelper("Cal Dunmore");
        TeamId theirTeam = hillside.as(() -> people.formTeam("Night shift", List.of()));
        HelperId ours = riverside.aHelper("Ada Quill");
        TeamId ourTeam = riverside.as(() -> people.formTeam("Outreach", List.of()));

        as(admin, post("/admin/teams/" + theirTeam + "/members").with(csrf()).param("helperId", ours.value().toString()))
                .andExpect(status().isNotFound());
        as(admin, post("/admin/teams/" + ourTeam + "/members").with(csrf()).param("helperId", theirs.value().toString()))
                .andExpect(status().isNotFound());
        as(admin, post("/admin/teams/" + UUID.randomUUID() + "/members/" + ours + "/remove").with(csrf()))
                .andExpect(status().isNotFound());
        as(admin, post("/admin/teams/not-an-id/members").with(csrf()).param("helperId", ours.value().toString()))
                .andExpect(status().isNotFound());
        as(admin, post("/admin/supervision").with(csrf()).param("supervisorId", ours.value().toString())
                .param("superviseeId", theirs.value().toString()))
                .andExpect(status().isNotFound());

        assertThat(hillside.as(() -> directory.team(theirTeam))).get()
                .satisfies(t -> assertThat(t.members()).isEmpty());
        assertThat(riverside.as(() -> directory.supervisionLinks())).isEmpty();
    }

    @Test
    void linksAndUnlinksSupervisors() throws Exception {
        HelperId ada = riverside.aHelper("Ada Quill");
        HelperId bo = riverside.aHelper("Bo Tern");

        as(admin, post("/admin/supervision").with(csrf()).param("supervisorId", ada.value().toString())
                .param("superviseeId", bo.value().toString()))
                .andExpect(redirectedUrl("/admin/supervision"))
                .andExpect(flash().attribute("flash", "Ada Quill now supervises Bo Tern."));

        Document page = page(as(admin, get("/admin/supervision")));
        assertThat(page.select("tbody tr th[scope=row]").text()).isEqualTo("Ada Quill");
        assertThat(page.select("tbody tr td li > span:first-child").text()).isEqualTo("Bo Tern");

        as(admin, post("/admin/supervision/unlink").with(csrf()).param("supervisorId", ada.value().toString())
                .param("superviseeId", bo.value().toString()))
                .andExpect(flash().attribute("flash", "Ada Quill no longer supervises Bo Tern."));
        assertThat(riverside.as(() -> directory.supervisionLinks())).isEmpty();
    }

    @Test
    void showsSupervisionRefusalsAndKeepsTheChoices() throws Exception {
        HelperId ada = riverside.aHelper("Ada Quill");
        HelperId bo = riverside.aHelper("Bo Tern");

        Document self = page(as(admin, post("/admin/supervision").with(csrf())
                .param("supervisorId", ada.value().toString()).param("superviseeId", ada.value().toString())));
        assertThat(self.select("#supervision-problem").text()).contains("cannot supervise themselves");
        assertThat(self.select("#supervisorId option[selected]").text()).isEqualTo("Ada Quill");

        Document missing = page(as(admin, post("/admin/supervision").with(csrf())
                .param("supervisorId", ada.value().toString())));
        assertThat(missing.select("#supervisee-error").text()).isEqualTo("Choose the supervisee.");
        assertThat(missing.select("#superviseeId").attr("aria-describedby")).isEqualTo("supervisee-error");

        Document unlinked = page(as(admin, post("/admin/supervision/unlink").with(csrf())
                .param("supervisorId", bo.value().toString()).param("superviseeId", ada.value().toString())));
        assertThat(unlinked.select("#supervision-problem").text()).isEqualTo("Bo Tern does not supervise Ada Quill.");

        assertThat(riverside.as(() -> directory.supervisionLinks())).isEmpty();
    }

    @Test
    void listsClientsWithALinkToEachAuditTrailForTheirOwnOrganisationOnly() throws Exception {
        ClientPartyId couple = riverside.aCouple();
        PeopleFixtures hillside = new PeopleFixtures(accounts, people, "Hillside Community Nursing");
        String otherAdmin = hillside.anAdmin();

        Document page = page(as(admin, get("/admin/clients")));
        assertThat(page.select("tbody tr").get(0).text()).contains("Pat and Sam Okonkwo-Lind", "Couple", "2");
        assertThat(page.select("tbody a").attr("href")).isEqualTo("/admin/audit?client=" + couple);

        Document theirs = page(as(otherAdmin, get("/admin/clients")));
        assertThat(theirs.text()).doesNotContain("Okonkwo").contains("No clients yet.");
    }

    private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadUserByUsername(username))));
    }

    private static Document page(ResultActions result) throws Exception {
        String html = result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }
}
