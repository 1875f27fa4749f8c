package org.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.accounts.AccountManagement;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The life of the setup page on a database where nobody can sign in: the address with its code is
 * printed once at start; every other page leads to the setup page and the API answers 503; only
 * the right code opens it, and it opens the organisation and its admin once. The steps build on
 * each other, so they run in order on one context.
 */
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = ".+",
        disabledReason = "needs a database without organisations, which the shared external database is not")
@SpringBootTest(properties = {"rapport.demo.seed=never", "rapport.setup.page-enabled=true"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupPageIntegrationTests {

    static final Pattern ADDRESS = Pattern.compile(
            "Rapport is not set up yet\\. Open this address once to set up the first organisation and its admin: "
                    + "http://localhost:\\d+/setup\\?code=([A-Za-z0-9_-]+)");
    static final String PASSWORD = "marmalade quarry velvet osprey";
    static final String WRONG_CODE = "d3JvbmctY29kZS13cm9uZy1jb2RlLXdyb25nLWNvZGU";

    /** Read from the start-up log by the first step; the steps after it use it. */
    static String code;

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired JdbcClient jdbc;

    @Test
    @Order(1)
    void printsTheSetupAddressWithAFreshCodeOnce(CapturedOutput output) {
        Matcher printed = ADDRESS.matcher(output.getOut());
        assertThat(printed.find()).as("the setup address in the start-up log").isTrue();
        code = printed.group(1);

        assertThat(printed.find()).isFalse();
        // 256 random bits, base64url without padding.
        assertThat(code).hasSize(43);
    }

    @Test
    @Order(2)
    void leadsEveryOtherPageToTheSetupPage() throws Exception {
        for (String page : List.of("/", "/caseload", "/login", "/admin/helpers")) {
            MockHttpServletResponse response = mvc.perform(get(page)).andReturn().getResponse();
            assertThat(response.getStatus()).as(page).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).as(page).isEqualTo("/setup");
        }
    }

    @Test
    @Order(3)
    void answersTheHttpApiWithAProblemSayingRapportIsNotSetUp() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/helpers").with(httpBasic("someone@example.org",
                PASSWORD))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"title\":\"Rapport is not set up yet\"");
    }

    @Test
    @Order(4)
    void refusesTheSetupPageWithoutTheCodeOrWithAWrongOne() throws Exception {
        for (MockHttpServletRequestBuilder request : List.of(get("/setup"), get("/setup").param("code", WRONG_CODE),
                setUp(WRONG_CODE, Map.of()), setUp("", Map.of()))) {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(page(response).getElementById("setup-code-refused").text())
                    .contains("needs the setup code", "missing, wrong or already used", "Nothing was changed");
        }
        assertThat(accountsInAll()).isZero();
    }

    @Test
    @Order(5)
    void showsTheFormWithLabelledFieldsForTheRightCode() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/setup").param("code", code)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        Document page = page(response);
        for (String field : List.of("organisationName", "timeZone", "locale", "country", "adminName", "adminEmail",
                "password")) {
            assertThat(page.select("label[for=" + field + "]")).as(field).hasSize(1);
            assertThat(page.getElementById(field)).as(field).isNotNull();
        }
        assertThat(page.getElementById("timeZone").val()).isEqualTo("Europe/London");
    }

    @Test
    @Order(6)
    void refusesAWeakPasswordBesideItsFieldAndKeepsEverythingElseTyped() throws Exception {
        MockHttpServletResponse response = mvc.perform(setUp(code, Map.of("password", "password1234")))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        Document page = page(response);
        assertThat(page.getElementById("password-error").text()).contains("too easy to guess");
        assertThat(page.getElementById("password").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("password").val()).isEmpty();
        assertThat(page.getElementById("organisationName").val()).isEqualTo("Quayside Family Support");
        assertThat(page.getElementById("adminEmail").val()).isEqualTo("Robin.Hale@Example.org");
        assertThat(page.getElementById("timeZone").val()).isEqualTo("Europe/Dublin");
        assertThat(page.select("#locale option[selected]").val()).isEqualTo("en-IE");
        assertThat(page.html()).doesNotContain("password1234");
        assertThat(accountsInAll()).isZero();
    }

    @Test
    @Order(7)
    void refusesATimeZoneThatIsNotOneBesideItsField() throws Exception {
        Document page = page(mvc.perform(setUp(code, Map.of("timeZone", "Atlantis/Lost"))).andReturn().getResponse());

        assertThat(page.getElementById("timeZone-error").text()).contains("such as Europe/London");
        assertThat(page.getElementById("timeZone").val()).isEqualTo("Atlantis/Lost");
        assertThat(accountsInAll()).isZero();
    }

    @Test
    @Order(8)
    void opensTheOrganisationAndItsAdminWithTheRightCode() throws Exception {
        MockHttpServletResponse response = mvc.perform(setUp(code, Map.of())).andReturn().getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/login");
        assertThat(mvc.perform(get("/api/helpers").with(httpBasic("robin.hale@example.org", PASSWORD))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(accounts.loadUserByUsername("robin.hale@example.org").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_ADMIN");
        OrganisationId organisation = accounts.organisationsWithAccounts().get(0);
        assertThat(Tenancy.callAs(organisation, () -> jdbc.sql(
                "select name || '|' || time_zone || '|' || locale || '|' || country from organisation")
                .query(String.class).list())).containsExactly("Quayside Family Support|Europe/Dublin|en-IE|IE");
    }

    @Test
    @Order(9)
    void refusesTheUsedCodeAndOpensNothingMore() throws Exception {
        MockHttpServletResponse response = mvc.perform(setUp(code, Map.of("organisationName", "Second Organisation",
                "adminEmail", "second.admin@example.org"))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(accounts.organisationsWithAccounts()).hasSize(1);
        assertThat(accountsInAll()).isEqualTo(1);
    }

    @Test
    @Order(10)
    void sendsTheSetupPageToSignInOnceSetUpAndLetsThePagesThrough() throws Exception {
        assertThat(mvc.perform(get("/setup").param("code", code)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login");
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    /** The setup form as a person fills it in, with some fields typed otherwise. */
    static MockHttpServletRequestBuilder setUp(String code, Map<String, String> typed) {
        MockHttpServletRequestBuilder request = post("/setup").with(csrf()).param("code", code);
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("organisationName", "Quayside Family Support",
                "timeZone", "Europe/Dublin", "locale", "en-IE", "country", "ie", "adminName", "Robin Hale",
                "adminEmail", "Robin.Hale@Example.org", "password", PASSWORD));
        fields.putAll(typed);
        fields.forEach(request::param);
        return request;
    }

    int accountsInAll() {
        return jdbc.sql("select count(*) from sign_in_name").query(Integer.class).single();
    }

    static Document page(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString());
    }
}
