package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.byLessThan;
import static org.rapport.accounts.SignInAttempts.WRONG_PASSWORD;
import static org.rapport.accounts.SignInAttempts.anAddress;
import static org.rapport.accounts.SignInAttempts.anUnknownName;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.TravellingClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Password guessing over HTTP Basic: five failed attempts with one sign-in name, or twenty from
 * one client address, within fifteen minutes pause sign-in until the window ends. While paused,
 * even the right password gets a 429 problem with Retry-After, worded the same whether the name
 * has an account or not; an admin of the account's organisation can lift the pause.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TravellingClock.Configuration.class)
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleHttpApiTests {

    static final String PASSWORD = TestOrganisation.PASSWORD;

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired JdbcClient jdbc;
    @Autowired TravellingClock clock;

    SignInAttempts attempts;
    TestOrganisation riverside;
    Staff ash;
    Staff admin;
    String address;

    @BeforeEach
    void openAnOrganisationWithAHelperAndAnAdmin() {
        clock.reset();
        attempts = new SignInAttempts(mvc, jdbc);
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        admin = riverside.anAdmin("Alex Ward");
        address = anAddress();
    }

    @Test
    void answersTheFirstFiveWrongPasswordsWithSignInNeeded() throws Exception {
        for (int i = 0; i < 5; i++) {
            MvcResult failed = attempts.api(ash.username(), WRONG_PASSWORD, address);
            assertThat(failed.getResponse().getStatus()).isEqualTo(401);
            assertThat(failed.getResponse().getHeader("Retry-After")).isNull();
        }
    }

    @Test
    void refusesTheSixthWrongPasswordAsPausedWithRetryAfter() throws Exception {
        attempts.failApi(ash.username(), address, 5);

        MvcResult sixth = attempts.api(ash.username(), WRONG_PASSWORD, address);

        assertThat(sixth.getResponse().getStatus()).isEqualTo(429);
        assertThat(sixth.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(sixth.getResponse().getContentAsString()).contains("\"title\":\"Sign-in paused\"", "\"status\":429",
                "urn:rapport:problem:sign-in-paused");
        assertThat(Long.parseLong(sixth.getResponse().getHeader("Retry-After"))).isBetween(840L, 900L);
    }

    @Test
    void refusesEvenTheRightPasswordWhilePaused() throws Exception {
        assertThat(attempts.api(ash.username(), PASSWORD, address).getResponse().getStatus()).isEqualTo(200);
        attempts.failApi(ash.username(), address, 5);

        assertThat(attempts.api(ash.username(), PASSWORD, address).getResponse().getStatus()).isEqualTo(429);
    }

    @Test
    void keepsTheAccountPausedFromAnyOtherAddressWithTheSameAnswer() throws Exception {
        attempts.failApi(ash.username(), address, 5);
        MvcResult here = attempts.api(ash.username(), PASSWORD, address);

        MvcResult elsewhere = attempts.api(ash.username(), PASSWORD, anAddress());

        assertThat(elsewhere.getResponse().getStatus()).isEqualTo(429);
        assertThat(elsewhere.getResponse().getContentAsString()).isEqualTo(here.getResponse().getContentAsString());
    }

    @Test
    void answersANameWithoutAnAccountExactlyAsAnAccount() throws Exception {
        String nobody = anUnknownName();
        String otherAddress = anAddress();
        for (int i = 0; i < 5; i++) {
            MvcResult real = attempts.api(ash.username(), WRONG_PASSWORD, address);
            MvcResult unknown = attempts.api(nobody, WRONG_PASSWORD, otherAddress);
            assertThat(unknown.getResponse().getStatus()).isEqualTo(real.getResponse().getStatus()).isEqualTo(401);
            assertThat(unknown.getResponse().getContentAsString()).isEqualTo(real.getResponse().getContentAsString());
        }

        MvcResult real = attempts.api(ash.username(), PASSWORD, address);
        MvcResult unknown = attempts.api(nobody, PASSWORD, otherAddress);

        assertThat(unknown.getResponse().getStatus()).isEqualTo(real.getResponse().getStatus()).isEqualTo(429);
        assertThat(unknown.getResponse().getContentAsString()).isEqualTo(real.getResponse().getContentAsString());
        assertThat(unknown.getResponse().getHeaderNames()).containsExactlyInAnyOrderElementsOf(
                real.getResponse().getHeaderNames());
        // Both paused by the same rule a moment apart, so their waits are the same but for the clock's tick.
        assertThat(Long.parseLong(unknown.getResponse().getHeader("Retry-After")))
                .isCloseTo(Long.parseLong(real.getResponse().getHeader("Retry-After")), byLessThan(2L));
    }

    @Test
    void startsTheCountAgainAfterASuccessfulSignIn() throws Exception {
        attempts.failApi(ash.username(), address, 4);
        assertThat(attempts.api(ash.username(), PASSWORD, address).getResponse().getStatus()).isEqualTo(200);
        attempts.failApi(ash.username(), address, 4);

        assertThat(attempts.api(ash.username(), PASSWORD, address).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void endsThePauseByItselfWhenTheWindowHasPassed() throws Exception {
        attempts.failApi(ash.username(), address, 5);
        clock.travel(Duration.ofMinutes(14));
        assertThat(attempts.api(ash.username(), PASSWORD, address).getResponse().getStatus()).isEqualTo(429);

        clock.travel(Duration.ofMinutes(1).plusSeconds(1));

        assertThat(attempts.api(ash.username(), PASSWORD, address).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void pausesAnAddressAfterTwentyFailedAttemptsWhateverTheNames() throws Exception {
        for (int i = 0; i < 19; i++) {
            assertThat(attempts.api(anUnknownName(), WRONG_PASSWORD, address).getResponse().getStatus()).isEqualTo(401);
        }
        attempts.failApi(admin.username(), address, 1);

        assertThat(attempts.api(ash.username(), PASSWORD, address).getResponse().getStatus()).isEqualTo(429);
        assertThat(attempts.api(ash.username(), PASSWORD, anAddress()).getResponse().getStatus()).isEqualTo(200);
        assertThat(attempts.auditOf(riverside.id(), admin.username())).as("the failure, then the pause it began")
                .satisfiesExactly(failure -> assertThat(failure).isEqualTo("Rapport (system) | Sign-in failed: wrong password"),
                        pause -> assertThat(pause).contains("Rapport (system)", "after 20 failed attempts from this address"));
    }

    @Test
    void recordsThePauseInTheAccountsAuditTrail() throws Exception {
        attempts.failApi(ash.username(), address, 6);

        List<String> audit = attempts.auditOf(riverside.id(), ash.username());
        assertThat(audit).as("each failure until the pause; none while paused").hasSize(6)
                .filteredOn(e -> e.equals("Rapport (system) | Sign-in failed: wrong password")).hasSize(5);
        assertThat(audit).last().asString()
                .startsWith("Rapport (system) | Sign-in paused until ")
                .endsWith("after 5 failed attempts with this sign-in name");
    }

    @Test
    void logsAPauseOnANameWithoutAnAccountWithoutTheNameOrTheAddress(CapturedOutput output) throws Exception {
        String nobody = anUnknownName();
        attempts.failApi(nobody, address, 5);

        assertThat(output.getOut()).contains("Sign-in is paused until").contains("for a sign-in name that has no account")
                .doesNotContain(nobody).doesNotContain(address);
    }

    @Test
    void anAdminsUnlockLetsTheRightPasswordInAtOnce() throws Exception {
        attempts.failApi(ash.username(), address, 5);

        mvc.perform(post("/api/accounts/{username}/unlock", ash.username()).with(httpBasic(admin.username(), PASSWORD))
                .with(SignInAttempts.from(anAddress()))).andExpect(result ->
                        assertThat(result.getResponse().getStatus()).isEqualTo(204));

        assertThat(attempts.api(ash.username(), PASSWORD, address).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void recordsTheUnlockAndWhoDidIt() throws Exception {
        attempts.failApi(ash.username(), address, 5);

        unlock(admin, ash.username());

        assertThat(attempts.auditOf(riverside.id(), ash.username())).hasSize(7).last().asString()
                .isEqualTo("Alex Ward (" + admin.username() + ") | Sign-in unlocked by an admin");
    }

    @Test
    void refusesTheUnlockToAHelperWhoIsNoAdmin() throws Exception {
        Staff jo = riverside.aHelper("Jo Reyes");
        attempts.failApi(ash.username(), address, 5);

        MvcResult refused = unlock(jo, ash.username());

        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(attempts.api(ash.username(), PASSWORD, address).getResponse().getStatus()).isEqualTo(429);
        assertThat(attempts.auditOf(riverside.id(), ash.username())).as("five failures and the pause; no unlock")
                .hasSize(6).noneMatch(e -> e.contains("unlocked"));
    }

    @Test
    void answersNotFoundToAnAdminOfAnotherOrganisation() throws Exception {
        TestOrganisation hillcrest = new TestOrganisation(accounts, people, "Hillcrest Family Service");
        Staff otherAdmin = hillcrest.anAdmin("Bo Lindqvist");
        attempts.failApi(ash.username(), address, 5);

        MvcResult refused = unlock(otherAdmin, ash.username());

        assertThat(refused.getResponse().getStatus()).isEqualTo(404);
        assertThat(refused.getResponse().getContentAsString()).doesNotContain("Riverside", "Ash");
        MvcResult unknown = unlock(otherAdmin, anUnknownName());
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(JsonPath.<String>read(unknown.getResponse().getContentAsString(), "$.detail"))
                .isEqualTo(JsonPath.<String>read(refused.getResponse().getContentAsString(), "$.detail"));
        assertThat(attempts.api(ash.username(), PASSWORD, address).getResponse().getStatus()).isEqualTo(429);
    }

    private MvcResult unlock(Staff who, String username) throws Exception {
        return mvc.perform(post("/api/accounts/{username}/unlock", username).with(httpBasic(who.username(), PASSWORD))
                .with(SignInAttempts.from(anAddress()))).andReturn();
    }
}
