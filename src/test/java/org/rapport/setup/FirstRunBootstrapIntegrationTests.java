package org.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.rapport.accounts.AccountManagement;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * On a database where nobody can sign in, the start-up variables open the first organisation and
 * its admin, who signs in with the email address, lower-cased, and is named after it.
 */
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = ".+",
        disabledReason = "needs a database without organisations, which the shared external database is not")
@SpringBootTest(properties = {"rapport.demo.seed=never", "rapport.setup.page-enabled=true",
        "RAPPORT_SETUP_ORGANISATION=Harbour Lane Counselling", "RAPPORT_SETUP_ADMIN_EMAIL=Avery.Quinn@Example.org",
        "RAPPORT_SETUP_ADMIN_PASSWORD=" + FirstRunBootstrapIntegrationTests.PASSWORD})
@AutoConfigureMockMvc
class FirstRunBootstrapIntegrationTests {

    static final String PASSWORD = "tangerine lighthouse gravel sonnet";

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void opensTheOrganisationAndAnAdminWhoSignsInOverTheHttpApi() throws Exception {
        int status = mvc.perform(get("/api/helpers").with(httpBasic("avery.quinn@example.org", PASSWORD)))
                .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(200);
    }

    @Test
    void makesTheEmailTheSignInNameAndNamesTheAdminAfterIt() {
        UserDetails admin = accounts.loadUserByUsername("avery.quinn@example.org");
        OrganisationId organisation = accounts.organisationsWithAccounts().get(0);

        assertThat(admin.getUsername()).isEqualTo("avery.quinn@example.org");
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(Tenancy.callAs(organisation, () -> jdbc.sql("select display_name from user_account")
                .query(String.class).list())).containsExactly("Avery Quinn");
        assertThat(accounts.organisationName(organisation)).contains("Harbour Lane Counselling");
    }

    @Test
    void opensExactlyOneOrganisation() {
        assertThat(accounts.organisationsWithAccounts()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from sign_in_name").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void leadsTheSetupPageToSignInAndLetsPagesThrough() throws Exception {
        assertThat(mvc.perform(get("/setup")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login");
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }
}
