package org.rapport.processmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountId;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.Role;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
class ProcessModelsIntegrationTests {

    @Autowired ProcessModels processModels;
    @Autowired AccountManagement accounts;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void offersTheFiveBuiltInsByNameThenTheOrganisationsOwnByName() {
        OrganisationId riverside = accounts.openOrganisation("Riverside Counselling");
        Tenancy.runAs(riverside, () -> {
            processModels.addOwn(aModel("walk-and-talk", "Walk and talk"));
            processModels.addOwn(aModel("brief-support", "Brief support"));
        });

        var available = Tenancy.callAs(riverside, processModels::available);

        assertThat(available).extracting(ProcessModel::name).containsExactly(
                "Community practice helping process", "Five-stage helping process", "Nurse–client relationship",
                "Process Model of Helping", "The Skilled Helper",
                "Brief support", "Walk and talk");
        assertThat(available).extracting(ProcessModel::builtIn)
                .containsExactly(true, true, true, true, true, false, false);
    }

    @Test
    void findsBuiltInAndOwnModelsByKey() {
        OrganisationId riverside = accounts.openOrganisation("Riverside Counselling");
        Tenancy.runAs(riverside, () -> processModels.addOwn(aModel("walk-and-talk", "Walk and talk")));

        Tenancy.runAs(riverside, () -> {
            assertThat(processModels.find("five-stage")).get().extracting(ProcessModel::builtIn).isEqualTo(true);
            var own = processModels.find("walk-and-talk").orElseThrow();
            assertThat(own.builtIn()).isFalse();
            assertThat(own.phases()).extracting(Phase::key).containsExactly("walking", "ending");
            assertThat(processModels.find("no-such-model")).isEmpty();
        });
    }

    @Test
    void showsAnOwnModelOnlyToItsOrganisation() {
        OrganisationId riverside = accounts.openOrganisation("Riverside Counselling");
        OrganisationId hillside = accounts.openOrganisation("Hillside Nursing");
        Tenancy.runAs(riverside, () -> processModels.addOwn(aModel("walk-and-talk", "Walk and talk")));

        Tenancy.runAs(hillside, () -> {
            assertThat(processModels.find("walk-and-talk")).isEmpty();
            assertThat(processModels.available()).extracting(ProcessModel::key).doesNotContain("walk-and-talk");
            // The database itself hides the row, even from a query that names no organisation.
            assertThat(jdbc.sql("select count(*) from process_model where model_key = 'walk-and-talk'")
                    .query(Long.class).single()).isZero();
        });
    }

    @Test
    void letsTwoOrganisationsUseTheSameKey() {
        OrganisationId riverside = accounts.openOrganisation("Riverside Counselling");
        OrganisationId hillside = accounts.openOrganisation("Hillside Nursing");
        Tenancy.runAs(riverside, () -> processModels.addOwn(aModel("walk-and-talk", "Walk and talk")));
        Tenancy.runAs(hillside, () -> processModels.addOwn(aModel("walk-and-talk", "Walking together")));

        assertThat(Tenancy.callAs(riverside, () -> processModels.find("walk-and-talk")))
                .get().extracting(ProcessModel::name).isEqualTo("Walk and talk");
        assertThat(Tenancy.callAs(hillside, () -> processModels.find("walk-and-talk")))
                .get().extracting(ProcessModel::name).isEqualTo("Walking together");
    }

    @Test
    void offersOnlyTheBuiltInsWhenNoOrganisationIsInScope() {
        OrganisationId riverside = accounts.openOrganisation("Riverside Counselling");
        Tenancy.runAs(riverside, () -> processModels.addOwn(aModel("walk-and-talk", "Walk and talk")));

        assertThat(processModels.available()).hasSize(5).allMatch(ProcessModel::builtIn);
        assertThat(processModels.find("walk-and-talk")).isEmpty();
    }

    @Test
    void refusesAKeyThatABuiltInModelUses() {
        OrganisationId riverside = accounts.openOrganisation("Riverside Counselling");

        assertThatThrownBy(() -> Tenancy.runAs(riverside,
                () -> processModels.addOwn(aModel("five-stage", "Our five stages"))))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("A model with the key 'five-stage' already exists; choose another key.");
        assertThat(storedCount(riverside)).isZero();
    }

    @Test
    void refusesAKeyThatAnOwnModelAlreadyUses() {
        OrganisationId riverside = accounts.openOrganisation("Riverside Counselling");
        Tenancy.runAs(riverside, () -> processModels.addOwn(aModel("walk-and-talk", "Walk and talk")));

        assertThatThrownBy(() -> Tenancy.runAs(riverside,
                () -> processModels.addOwn(aModel("walk-and-talk", "Walk and talk, again"))))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("A model with the key 'walk-and-talk' already exists; choose another key.");
        assertThat(Tenancy.callAs(riverside, () -> processModels.find("walk-and-talk")))
                .get().extracting(ProcessModel::name).isEqualTo("Walk and talk");
    }

    @Test
    void refusesTheKeyNewWhichNamesThePageThatAddsModels() {
        OrganisationId riverside = accounts.openOrganisation("Riverside Counselling");

        assertThatThrownBy(() -> Tenancy.runAs(riverside, () -> processModels.addOwn(aModel("new", "New"))))
                .isInstanceOf(RuleBroken.class);
    }

    @Test
    void refusesAnInvalidModelWithEveryProblemAndStoresNothing() {
        OrganisationId riverside = accounts.openOrganisation("Riverside Counselling");
        String noTasks = aModel("walk-and-talk", "Walk and talk").replace("""
                    tasks:
                      - Walk side by side
                """, "");

        var refusal = catchThrowableOfType(InvalidProcessModel.class,
                () -> Tenancy.runAs(riverside, () -> processModels.addOwn(noTasks)));

        assertThat(refusal.problems()).extracting(ProcessModelProblem::field).containsExactly("phases[0].tasks");
        assertThat(storedCount(riverside)).isZero();
    }

    @Test
    void keepsTheTextExactlyAsGivenWithWhoAddedItAndWhen() {
        OrganisationId riverside = accounts.openOrganisation("Riverside Counselling");
        String text = "# Our own model, with its comments kept\r\n" + aModel("walk-and-talk", "Walk and talk") + "\n\n";
        String username = "admin-" + UUID.randomUUID();
        AccountId admin = Tenancy.callAs(riverside, () -> accounts.openAccount(new NewAccount(
                username, "a-long-password-123", "Ada Admin", Set.of(Role.ADMIN), null)));
        signIn(username);

        Tenancy.runAs(riverside, () -> processModels.addOwn(text));

        var stored = Tenancy.callAs(riverside, () -> jdbc.sql(
                "select definition, name, created_by, created_at from process_model where model_key = 'walk-and-talk'")
                .query((rs, n) -> new Object[] {rs.getString("definition"), rs.getString("name"),
                        rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at")})
                .single());
        assertThat(stored[0]).isEqualTo(text);
        assertThat(stored[1]).isEqualTo("Walk and talk");
        assertThat(stored[2]).isEqualTo(admin.value());
        assertThat(stored[3]).isNotNull();
    }

    private void signIn(String username) {
        var user = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private long storedCount(OrganisationId organisation) {
        return Tenancy.callAs(organisation,
                () -> jdbc.sql("select count(*) from process_model").query(Long.class).single());
    }

    static String aModel(String key, String name) {
        return """
                key: %s
                name: %s
                description: A model written for these tests.
                phases:
                  - key: walking
                    name: Walking
                    purpose: Talk while walking, side by side.
                    tasks:
                      - Walk side by side
                    move-on-when:
                      - The client has said what matters
                  - key: ending
                    name: Ending
                    ending: true
                    purpose: Close well.
                    tasks:
                      - Say goodbye
                """.formatted(key, name);
    }
}
