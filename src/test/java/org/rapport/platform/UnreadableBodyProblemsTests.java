package org.rapport.platform;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.Role;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A body that cannot be read is refused with a problem that names the field and what it needed. */
@SpringBootTest
@AutoConfigureMockMvc
class UnreadableBodyProblemsTests {

    static final String PASSWORD = "a long enough passphrase";

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;

    String admin;

    @BeforeEach
    void openAnOrganisationWithAnAdmin() {
        OrganisationId organisation = accounts.openOrganisation("Harbour Counselling");
        admin = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@harbour";
        Tenancy.runAs(organisation, () -> accounts.openAccount(
                new NewAccount(admin, PASSWORD, "Morgan Admin", Set.of(Role.ADMIN, Role.HELPER), null)));
    }

    @Test
    void namesTheDateFieldThatIsNotADate() throws Exception {
        postJson("/api/referrals", "{\"referredOn\": \"yesterday\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:rapport:problem:unreadable-body"))
                .andExpect(jsonPath("$.detail").value("referredOn: expected a date like 2026-03-01."))
                .andExpect(jsonPath("$.errors[0].field").value("referredOn"));
    }

    @Test
    void namesTheFullPathIntoNestedObjectsAndLists() throws Exception {
        postJson("/api/referrals", """
                {"clientParty": {"kind": "COUPLE", "name": "Ash and Bo",
                 "members": [{"name": "Ash"}, {"name": "Bo", "joinedOn": "1st March"}]}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("clientParty.members[1].joinedOn: expected a date like 2026-03-01."));
        postJson("/api/teams", "{\"name\": \"Outreach\", \"members\": [\"" + UUID.randomUUID() + "\", \"not-an-id\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("members[1]: expected an id like")));
    }

    @Test
    void saysWhichChoicesAndKindsOfValueAFieldTakes() throws Exception {
        postJson("/api/helpers", "{\"name\": \"Orla Penn\", \"discipline\": \"WIZARD\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", allOf(containsString("discipline: expected one of"),
                        containsString("COUNSELLOR"), not(containsString("WIZARD")))));
        postJson("/api/relationships/" + UUID.randomUUID() + "/status",
                "{\"to\": \"ACTIVE\", \"reason\": \"x\", \"version\": \"three\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("version: expected a whole number."));
    }

    @Test
    void saysWhereMalformedJsonStopsWithoutQuotingIt() throws Exception {
        String secret = "client-said-something-private";
        postJson("/api/helpers", "{\n  \"name\": \"" + secret + "\",\n  \"discipline\" \"NURSE\"\n}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", allOf(containsString("not valid JSON"), containsString("line 3"),
                        not(containsString(secret)))));
        postJson("/api/helpers", "{\"name\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("ends before its JSON is complete")));
    }

    @Test
    void leaksNoClassNames() throws Exception {
        postJson("/api/helpers", "[1, 2]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", allOf(not(containsString("java.")), not(containsString("org.rapport")),
                        not(containsString("Request")))));
        postJson("/api/helpers", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("This request needs a JSON body."));
    }

    @Test
    void namesTheParameterOrPathSegmentOfTheWrongKind() throws Exception {
        get("/api/endings/summary?from=0000-01-01")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("from: expected a date from 1900-01-01 to 2200-12-31."));
        get("/api/endings/summary?to=soon")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("to: expected a date like 2026-03-01."));
        get("/api/helpers/not-an-id")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", allOf(containsString("id: expected an id like"),
                        not(containsString("not-an-id")))));
    }

    ResultActions get(String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(httpBasic(admin, PASSWORD)));
    }

    ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(admin, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
