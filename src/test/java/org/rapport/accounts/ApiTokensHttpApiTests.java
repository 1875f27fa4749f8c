package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.TravellingClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Personal API tokens: issued with the person's password and shown once, kept only as a hash,
 * read-only or read-and-change, expiring, revocable, and acting as their person and no more.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TravellingClock.Configuration.class)
class ApiTokensHttpApiTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired JdbcClient jdbc;
    @Autowired TravellingClock clock;

    TestOrganisation riverside;
    Staff ash;

    @BeforeEach
    void aHelper() {
        clock.reset();
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
    }

    @Test
    void aTokenReadsTheCaseloadAsItsPersonAndIsKeptOnlyAsAHash() throws Exception {
        String token = issue("Weekly report", "READ", 30);

        withToken(token, get("/api/caseload")).andExpect(status().isOk());

        assertThat(token).startsWith("rpt_").hasSizeGreaterThan(40);
        List<byte[]> kept = riverside.inScope(() -> jdbc.sql("select token_hash from api_token").query(byte[].class).list());
        assertThat(kept).hasSize(1);
        assertThat(new String(kept.get(0), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token.substring(4));
        assertThat(kept.get(0)).isEqualTo(ApiTokenManagement.hash(token));
    }

    @Test
    void listsTheTokensWithoutTheTokensThemselvesAndRecordsTheLastUse() throws Exception {
        String token = issue("Weekly report", "READ", 30);
        withToken(token, get("/api/caseload")).andExpect(status().isOk());

        String list = basic(get("/api/tokens")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Weekly report"))
                .andExpect(jsonPath("$[0].scope").value("READ"))
                .andExpect(jsonPath("$[0].lastUsedAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(token);
    }

    @Test
    void aReadOnlyTokenMayNotChangeAnything() throws Exception {
        String token = issue("Weekly report", "READ", 30);

        withToken(token, post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"sneaky\", \"scope\": \"READ_WRITE\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("may only read")));
        assertThat(riverside.inScope(() -> jdbc.sql("select count(*) from api_token").query(Long.class).single())).isOne();
    }

    @Test
    void noTokenIssuesTokensEvenOneThatMayChangeThings() throws Exception {
        String token = issue("Sync", "READ_WRITE", 30);

        withToken(token, post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"another\", \"scope\": \"READ_WRITE\"}"))
                .andExpect(status().isForbidden());
        assertThat(riverside.inScope(() -> jdbc.sql("select count(*) from api_token").query(Long.class).single())).isOne();
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() throws Exception {
        String token = issue("Weekly report", "READ", 30);
        UUID id = riverside.inScope(() -> jdbc.sql("select token_id from api_token").query(UUID.class).single());

        basic(delete("/api/tokens/{id}", id)).andExpect(status().isNoContent());

        withToken(token, get("/api/caseload")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.title").value("API token not accepted"));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String token = issue("Weekly report", "READ", 1);
        clock.travel(Duration.ofDays(1).plusMinutes(1));

        withToken(token, get("/api/caseload")).andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownOrMalformedTokenIsRefusedTheSameWay() throws Exception {
        for (String token : new String[] {"rpt_" + "x".repeat(43), "not-a-token", "rpt_"}) {
            withToken(token, get("/api/caseload")).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.title").value("API token not accepted"));
        }
    }

    @Test
    void aTokenOfASwitchedOffAccountIsRefused() throws Exception {
        String token = issue("Weekly report", "READ", 30);
        riverside.inScope(() -> jdbc.sql("update user_account set enabled = false where username = ?")
                .param(ash.username()).update());

        withToken(token, get("/api/caseload")).andExpect(status().isUnauthorized());
    }

    @Test
    void nobodyRevokesAnotherPersonsToken() throws Exception {
        issue("Weekly report", "READ", 30);
        UUID id = riverside.inScope(() -> jdbc.sql("select token_id from api_token").query(UUID.class).single());
        Staff kit = riverside.aHelper("Kit Arden");

        mvc.perform(delete("/api/tokens/{id}", id).with(httpBasic(kit.username(), TestOrganisation.PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(riverside.inScope(() -> jdbc.sql("select count(*) from api_token where revoked_at is null")
                .query(Long.class).single())).isOne();
    }

    @Test
    void refusesAMissingNameAScopeOrDaysOutOfRangeSayingWhy() throws Exception {
        String[][] refused = {
                {"{\"name\": \" \", \"scope\": \"READ\"}", "Give the token a name"},
                {"{\"name\": \"Report\"}", "Choose what the token may do"},
                {"{\"name\": \"Report\", \"scope\": \"READ\", \"days\": 0}", "from 1 to 366 days"},
                {"{\"name\": \"Report\", \"scope\": \"READ\", \"days\": 367}", "from 1 to 366 days"}};
        for (String[] body : refused) {
            basic(post("/api/tokens").contentType(MediaType.APPLICATION_JSON).content(body[0]))
                    .andExpect(status().is4xxClientError())
                    .andExpect(jsonPath("$.detail", containsString(body[1])));
        }
        assertThat(riverside.inScope(() -> jdbc.sql("select count(*) from api_token").query(Long.class).single())).isZero();
    }

    @Test
    void issuingAndRevokingAreAudited() throws Exception {
        issue("Weekly report", "READ", 30);
        UUID id = riverside.inScope(() -> jdbc.sql("select token_id from api_token").query(UUID.class).single());
        basic(delete("/api/tokens/{id}", id)).andExpect(status().isNoContent());

        assertThat(riverside.inScope(() -> jdbc.sql("select detail from audit_entry where detail like '%API token%' "
                + "order by happened_at").query(String.class).list()))
                .containsExactly("Issued the API token \u201cWeekly report\u201d (read only)",
                        "Revoked the API token \u201cWeekly report\u201d (read only)");
    }

    private String issue(String name, String scope, int days) throws Exception {
        String body = basic(post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"%s\", \"scope\": \"%s\", \"days\": %d}".formatted(name, scope, days)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    private ResultActions basic(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(httpBasic(ash.username(), TestOrganisation.PASSWORD)));
    }

    private ResultActions withToken(String token,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token));
    }
}
