package org.rapport.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class PeopleHttpApiTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired PeopleDirectory directory;

    PeopleFixtures riverside;
    String admin;
    String helper;

    @BeforeEach
    void openAnOrganisationWithAnAdminAndAHelper() {
        riverside = new PeopleFixtures(accounts, people, "Riverside Counselling");
        admin = riverside.anAdmin();
        helper = riverside.aPlainHelperAccount();
    }

    @Test
    void asksForSignInWithoutCredentials() throws Exception {
        mvc.perform(get("/api/helpers")).andExpect(status().isUnauthorized());
    }

    @Test
    void listsHelpersToAnyMemberOfStaff() throws Exception {
        as(helper, get("/api/helpers")).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].name").value("Harper Helper"))
                .andExpect(jsonPath("$[0].disciplineLabel").value("Social worker"))
                .andExpect(jsonPath("$[1].username").value(admin));
    }

    @Test
    void refusesReadsToAClientAccount() throws Exception {
        String client = PeopleFixtures.uniqueUsername("client");
        riverside.as(() -> accounts.openAccount(new NewAccount(client, PeopleFixtures.PASSWORD, "Quinn", Set.of(Role.CLIENT), null)));

        as(client, get("/api/helpers")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Not allowed"));
        as(client, get("/api/teams")).andExpect(status().isForbidden());
    }

    @Test
    void addsAHelperWhoCanThenSignIn() throws Exception {
        String username = PeopleFixtures.uniqueUsername("Noor Vale");
        as(admin, post("/api/helpers").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "Noor Vale", "discipline": "PEER_SUPPORTER", "username": "%s",
                 "password": "%s", "roles": ["HELPER", "SUPERVISOR"]}""".formatted(username, PeopleFixtures.PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/helpers/")))
                .andExpect(jsonPath("$.name").value("Noor Vale"))
                .andExpect(jsonPath("$.discipline").value("PEER_SUPPORTER"))
                .andExpect(jsonPath("$.username").value(username));

        as(username, get("/api/helpers")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(3)));
    }

    @Test
    void addsAHelperWithoutASignIn() throws Exception {
        as(admin, post("/api/helpers").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Orla Penn\", \"discipline\": \"NURSE\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").doesNotExist());
    }

    @Test
    void refusesMissingAndOverLongFieldsAndStoresNothing() throws Exception {
        as(admin, post("/api/helpers").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("discipline")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("Give the helper's name.")));
        as(admin, post("/api/helpers").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"%s\", \"discipline\": \"NURSE\"}".formatted("x".repeat(121))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("A name has at most 120 characters."));
        as(admin, post("/api/teams").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \" \"}"))
                .andExpect(status().isBadRequest());

        assertThat(riverside.as(() -> directory.helpers())).hasSize(2);
        assertThat(riverside.as(() -> directory.teams())).isEmpty();
    }

    @Test
    void refusesWrongTypesAndMalformedJson() throws Exception {
        as(admin, post("/api/helpers").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Orla Penn\", \"discipline\": \"WIZARD\"}"))
                .andExpect(status().isBadRequest());
        as(admin, post("/api/helpers").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Orla Penn\", \"discipline\": \"NURSE\", \"roles\": [\"OWNER\"]}"))
                .andExpect(status().isBadRequest());
        as(admin, post("/api/helpers").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest());
        as(admin, post("/api/teams").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Outreach\", \"members\": [\"not-an-id\"]}"))
                .andExpect(status().isBadRequest());
        as(admin, get("/api/helpers/not-an-id")).andExpect(status().isBadRequest());

        assertThat(riverside.as(() -> directory.helpers())).hasSize(2);
        assertThat(riverside.as(() -> directory.teams())).isEmpty();
    }

    @Test
    void refusesCommonPublishedAndPersonalPasswordsSayingWhy() throws Exception {
        for (String[] refused : new String[][] {
                {"123456789012", "too easy to guess"},
                {"aaaaaaaaaaaa", "too easy to guess"},
                {"passwordpassword", "too easy to guess"},
                {"rapport-demo-2026", "published with Rapport's demo"},
                {"orla-penn-lantern-47", "may not contain the person's name"}}) {
            as(admin, post("/api/helpers").contentType(MediaType.APPLICATION_JSON).content("""
                    {"name": "Orla Penn", "discipline": "NURSE", "username": "orla.penn.x", "password": "%s"}"""
                    .formatted(refused[0])))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail", containsString(refused[1])));
        }
        assertThat(riverside.as(() -> directory.helpers())).hasSize(2);
    }

    @Test
    void refusesATakenSignInNameWithAConflict() throws Exception {
        as(admin, post("/api/helpers").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "Orla Penn", "discipline": "NURSE", "username": "%s", "password": "%s"}"""
                .formatted(helper, PeopleFixtures.PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("already in use")));
        as(admin, post("/api/helpers").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "Orla Penn", "discipline": "NURSE", "username": "orla.penn.x", "password": "short"}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("at least 12 characters")));

        assertThat(riverside.as(() -> directory.helpers())).hasSize(2);
    }

    @Test
    void refusesEveryChangeToStaffWhoAreNotAdmins() throws Exception {
        HelperId ada = riverside.aHelper("Ada Quill");
        HelperId bo = riverside.aHelper("Bo Tern");
        TeamId team = riverside.as(() -> people.formTeam("Outreach", List.of(ada)));

        as(helper, post("/api/helpers").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Orla Penn\", \"discipline\": \"NURSE\"}")).andExpect(status().isForbidden());
        as(helper, post("/api/teams").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Inreach\"}")).andExpect(status().isForbidden());
        as(helper, post("/api/teams/" + team.value() + "/members").contentType(MediaType.APPLICATION_JSON)
                .content("{\"helperId\": \"" + bo.value() + "\"}")).andExpect(status().isForbidden());
        as(helper, delete("/api/teams/" + team.value() + "/members/" + ada.value())).andExpect(status().isForbidden());
        as(helper, post("/api/supervision").contentType(MediaType.APPLICATION_JSON)
                .content(link(ada, bo))).andExpect(status().isForbidden());
        as(helper, get("/api/client-parties")).andExpect(status().isForbidden());

        assertThat(riverside.as(() -> directory.helpers())).hasSize(4);
        assertThat(riverside.as(() -> directory.teams())).singleElement()
                .satisfies(t -> assertThat(t.members()).containsExactly(ada));
        assertThat(riverside.as(() -> directory.supervisionLinks())).isEmpty();
    }

    @Test
    void refusesANonAdminsChangeBeforeLookingAtItsBody() throws Exception {
        // An invalid body from someone without the role is still "not allowed", never a description of the body.
        as(helper, post("/api/helpers").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\"}"))
                .andExpect(status().isForbidden());
        as(helper, post("/api/teams").contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isForbidden());
        as(helper, post("/api/supervision").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        as(admin, post("/api/teams").contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest());

        assertThat(riverside.as(() -> directory.teams())).isEmpty();
    }

    @Test
    void formsTeamsAndChangesTheirMembers() throws Exception {
        HelperId ada = riverside.aHelper("Ada Quill");
        HelperId bo = riverside.aHelper("Bo Tern");

        String location = as(admin, post("/api/teams").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Outreach\", \"members\": [\"" + ada.value() + "\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.members[0].name").value("Ada Quill"))
                .andReturn().getResponse().getHeader("Location");
        String team = location.substring(location.lastIndexOf('/') + 1);

        as(admin, post("/api/teams").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"outreach\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("There is already a team called 'outreach'. Choose another name."));
        as(admin, post("/api/teams/" + team + "/members").contentType(MediaType.APPLICATION_JSON)
                .content("{\"helperId\": \"" + bo.value() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.members", hasSize(2)));
        as(admin, post("/api/teams/" + team + "/members").contentType(MediaType.APPLICATION_JSON)
                .content("{\"helperId\": \"" + bo.value() + "\"}"))
                .andExpect(status().isConflict());
        as(admin, post("/api/teams/" + team + "/members").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("helperId"));
        as(admin, delete("/api/teams/" + team + "/members/" + ada.value())).andExpect(status().isNoContent());
        as(admin, delete("/api/teams/" + team + "/members/" + ada.value())).andExpect(status().isConflict());

        as(helper, get("/api/teams")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Outreach"))
                .andExpect(jsonPath("$[0].members[*].name", hasItem("Bo Tern")))
                .andExpect(jsonPath("$[0].members", hasSize(1)));
    }

    @Test
    void linksAndUnlinksSupervisors() throws Exception {
        HelperId ada = riverside.aHelper("Ada Quill");
        HelperId bo = riverside.aHelper("Bo Tern");

        as(admin, post("/api/supervision").contentType(MediaType.APPLICATION_JSON).content(link(ada, bo)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.supervisorName").value("Ada Quill"))
                .andExpect(jsonPath("$.superviseeName").value("Bo Tern"));
        as(admin, post("/api/supervision").contentType(MediaType.APPLICATION_JSON).content(link(ada, bo)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Ada Quill already supervises Bo Tern."));
        as(admin, post("/api/supervision").contentType(MediaType.APPLICATION_JSON).content(link(ada, ada)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("cannot supervise themselves")));
        as(admin, post("/api/supervision").contentType(MediaType.APPLICATION_JSON)
                .content("{\"supervisorId\": \"" + ada.value() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("superviseeId"));
        as(helper, get("/api/supervision")).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].supervisorId").value(ada.value().toString()));

        as(admin, delete("/api/supervision").param("supervisorId", ada.value().toString())
                .param("superviseeId", bo.value().toString())).andExpect(status().isNoContent());
        as(admin, delete("/api/supervision").param("supervisorId", ada.value().toString())
                .param("superviseeId", bo.value().toString())).andExpect(status().isConflict());
        as(admin, delete("/api/supervision").param("supervisorId", ada.value().toString()))
                .andExpect(status().isBadRequest());
        assertThat(riverside.as(() -> directory.supervisionLinks())).isEmpty();
    }

    @Test
    void answersNotFoundForUnknownIdsAndAnotherOrganisationsIds() throws Exception {
        PeopleFixtures hillside = new PeopleFixtures(accounts, people, "Hillside Community Nursing");
        HelperId theirs = hillside.aHelper("Cal Dunmore");
        TeamId theirTeam = hillside.as(() -> people.formTeam("Night shift", List.of(theirs)));
        HelperId ours = riverside.aHelper("Ada Quill");
        TeamId ourTeam = riverside.as(() -> people.formTeam("Outreach", List.of()));

        as(admin, get("/api/helpers/" + theirs.value())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No helper with that id is available to you."));
        as(admin, get("/api/helpers/" + UUID.randomUUID())).andExpect(status().isNotFound());
        as(admin, post("/api/teams/" + theirTeam.value() + "/members").contentType(MediaType.APPLICATION_JSON)
                .content("{\"helperId\": \"" + ours.value() + "\"}")).andExpect(status().isNotFound());
        as(admin, post("/api/teams/" + ourTeam.value() + "/members").contentType(MediaType.APPLICATION_JSON)
                .content("{\"helperId\": \"" + theirs.value() + "\"}")).andExpect(status().isNotFound());
        as(admin, delete("/api/teams/" + theirTeam.value() + "/members/" + theirs.value()))
                .andExpect(status().isNotFound());
        as(admin, post("/api/teams").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Mixed\", \"members\": [\"" + theirs.value() + "\"]}"))
                .andExpect(status().isNotFound());
        as(admin, post("/api/supervision").contentType(MediaType.APPLICATION_JSON).content(link(ours, theirs)))
                .andExpect(status().isNotFound());

        assertThat(hillside.as(() -> directory.team(theirTeam))).get()
                .satisfies(t -> assertThat(t.members()).containsExactly(theirs));
        assertThat(riverside.as(() -> directory.teams())).extracting(Team::name).containsExactly("Outreach");
    }

    @Test
    void listsClientPartiesToAdminsOfTheirOwnOrganisationOnly() throws Exception {
        riverside.aCouple();
        riverside.aGroup();
        PeopleFixtures hillside = new PeopleFixtures(accounts, people, "Hillside Community Nursing");
        String otherAdmin = hillside.anAdmin();

        as(admin, get("/api/client-parties")).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].kind").value("COUPLE"))
                .andExpect(jsonPath("$[0].currentMembers").value(2))
                .andExpect(jsonPath("$[1].kindLabel").value("Group"))
                .andExpect(jsonPath("$[1].currentMembers").value(4));
        as(otherAdmin, get("/api/client-parties")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        as(otherAdmin, get("/api/helpers")).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].username").value(otherAdmin));
    }

    private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(username, PeopleFixtures.PASSWORD)));
    }

    private static String link(HelperId supervisor, HelperId supervisee) {
        return "{\"supervisorId\": \"" + supervisor.value() + "\", \"superviseeId\": \"" + supervisee.value() + "\"}";
    }
}
