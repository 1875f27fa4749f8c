package org.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.RapportApplication;
import org.rapport.accounts.AccountManagement;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Whole starts of Rapport, each on its own fresh embedded PostgreSQL, with the start-up variables
 * as whoever runs it would give them: from files, incomplete, with a weak password, or on a
 * database that already has an organisation.
 */
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = ".+",
        disabledReason = "needs a database without organisations, which the shared external database is not")
@ExtendWith(OutputCaptureExtension.class)
class FirstRunStartTests {

    static final String PASSWORD = "juniper cobalt harbour minuet";

    @Test
    void readsEachVariableFromItsFileWithoutTheTrailingNewline(@TempDir Path secrets) throws Exception {
        Path organisation = Files.writeString(secrets.resolve("organisation"), "Millbrook Mentoring\n");
        Path email = Files.writeString(secrets.resolve("email"), "Kit.Morrow@example.org\n");
        Path password = Files.writeString(secrets.resolve("password"), PASSWORD + "\n");
        Path name = Files.writeString(secrets.resolve("name"), "Kit Morrow-Lane\n");

        try (ConfigurableApplicationContext rapport = start("--RAPPORT_SETUP_ORGANISATION_FILE=" + organisation,
                "--RAPPORT_SETUP_ADMIN_EMAIL_FILE=" + email, "--RAPPORT_SETUP_ADMIN_PASSWORD_FILE=" + password,
                "--RAPPORT_SETUP_ADMIN_NAME_FILE=" + name)) {
            AccountManagement accounts = rapport.getBean(AccountManagement.class);
            String hash = accounts.loadUserByUsername("kit.morrow@example.org").getPassword();
            assertThat(rapport.getBean(PasswordEncoder.class).matches(PASSWORD, hash)).isTrue();
            OrganisationId opened = accounts.organisationsWithAccounts().get(0);
            assertThat(accounts.organisationName(opened)).contains("Millbrook Mentoring");
            assertThat(Tenancy.callAs(opened, () -> rapport.getBean(JdbcClient.class)
                    .sql("select display_name from user_account").query(String.class).list()))
                    .containsExactly("Kit Morrow-Lane");
        }
    }

    @Test
    void stopsTheStartNamingWhatIsMissing(CapturedOutput output) {
        assertThatThrownBy(() -> start("--RAPPORT_SETUP_ORGANISATION=Millbrook Mentoring",
                "--RAPPORT_SETUP_ADMIN_EMAIL=kit.morrow@example.org").close())
                .isInstanceOf(SetupRefused.class)
                // Only the one not given is named as missing.
                .hasMessageContaining("start-up variables: RAPPORT_SETUP_ADMIN_PASSWORD is missing.");
        assertThat(output.getOut()).containsPattern("ERROR .* org\\.rapport\\.setup\\.FirstRunSetup +: Rapport cannot "
                + "be set up from its start-up variables: RAPPORT_SETUP_ADMIN_PASSWORD is missing");
    }

    @Test
    void stopsTheStartSayingWhyThePasswordIsRefusedWithoutLoggingIt(CapturedOutput output) {
        String weak = "password1234";

        assertThatThrownBy(() -> start("--RAPPORT_SETUP_ORGANISATION=Millbrook Mentoring",
                "--RAPPORT_SETUP_ADMIN_EMAIL=kit.morrow@example.org", "--RAPPORT_SETUP_ADMIN_PASSWORD=" + weak).close())
                .isInstanceOf(SetupRefused.class)
                .hasMessageContaining("RAPPORT_SETUP_ADMIN_PASSWORD: That password is too easy to guess.");
        assertThat(output.getOut()).contains("That password is too easy to guess.").doesNotContain(weak);
    }

    @Test
    void ignoresTheVariablesWithOneLineWhenAnOrganisationExists(CapturedOutput output) {
        try (ConfigurableApplicationContext rapport = start("--rapport.demo.seed=always",
                "--RAPPORT_SETUP_ORGANISATION=Millbrook Mentoring", "--RAPPORT_SETUP_ADMIN_EMAIL=kit.morrow@example.org",
                "--RAPPORT_SETUP_ADMIN_PASSWORD=" + PASSWORD)) {
            AccountManagement accounts = rapport.getBean(AccountManagement.class);
            assertThatThrownBy(() -> accounts.loadUserByUsername("kit.morrow@example.org"))
                    .isInstanceOf(UsernameNotFoundException.class);
            assertThat(accounts.organisationsWithAccounts()).hasSize(1);
            assertThat(output.getOut().split("RAPPORT_SETUP_\\* variables are ignored", -1)).hasSize(2);
        }
    }

    @Test
    void opensTheOperatorFromItsVariablesAloneWhoThenOpensTheOrganisations(CapturedOutput output) {
        try (ConfigurableApplicationContext rapport = start("--RAPPORT_SETUP_OPERATOR_EMAIL=Ola.Reyes@hosting.example",
                "--RAPPORT_SETUP_OPERATOR_PASSWORD=" + PASSWORD)) {
            AccountManagement accounts = rapport.getBean(AccountManagement.class);
            var operator = accounts.loadUserByUsername("ola.reyes@hosting.example");
            assertThat(operator.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
            assertThat(rapport.getBean(PasswordEncoder.class).matches(PASSWORD, operator.getPassword())).isTrue();
            assertThat(accounts.anyOrganisation()).as("no organisation is opened until the operator opens one").isFalse();
            assertThat(rapport.getBean(FirstRunSetup.class).isSetUp()).isTrue();
            assertThat(output.getOut()).contains("Rapport's operator account ola.reyes@hosting.example is opened")
                    .doesNotContain("setup?code=").doesNotContain(PASSWORD);
        }
    }

    @Test
    void opensTheOperatorAndTheFirstOrganisationTogether() {
        try (ConfigurableApplicationContext rapport = start("--RAPPORT_SETUP_OPERATOR_EMAIL=ola.reyes@hosting.example",
                "--RAPPORT_SETUP_OPERATOR_PASSWORD=" + PASSWORD, "--RAPPORT_SETUP_ORGANISATION=Millbrook Mentoring",
                "--RAPPORT_SETUP_ADMIN_EMAIL=kit.morrow@example.org", "--RAPPORT_SETUP_ADMIN_PASSWORD=" + PASSWORD)) {
            AccountManagement accounts = rapport.getBean(AccountManagement.class);
            assertThat(accounts.loadUserByUsername("ola.reyes@hosting.example").getAuthorities())
                    .extracting(Object::toString).containsExactly("ROLE_OPERATOR");
            assertThat(accounts.loadUserByUsername("kit.morrow@example.org").getAuthorities())
                    .extracting(Object::toString).containsExactly("ROLE_ADMIN");
        }
    }

    @Test
    void stopsTheStartWhenTheOperatorsPasswordIsWeakOrMissing(CapturedOutput output) {
        assertThatThrownBy(() -> start("--RAPPORT_SETUP_OPERATOR_EMAIL=ola.reyes@hosting.example",
                "--RAPPORT_SETUP_OPERATOR_PASSWORD=password1234").close())
                .isInstanceOf(SetupRefused.class)
                .hasMessageContaining("RAPPORT_SETUP_OPERATOR_PASSWORD: That password is too easy to guess.");
        assertThatThrownBy(() -> start("--RAPPORT_SETUP_OPERATOR_EMAIL=ola.reyes@hosting.example").close())
                .isInstanceOf(SetupRefused.class)
                .hasMessageContaining("give both RAPPORT_SETUP_OPERATOR_EMAIL and RAPPORT_SETUP_OPERATOR_PASSWORD");
        assertThat(output.getOut()).doesNotContain("password1234");
    }

    /** Starts Rapport as its own application, on a fresh embedded PostgreSQL and any free port. */
    static ConfigurableApplicationContext start(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--rapport.setup.page-enabled=true"));
        all.addAll(List.of(arguments));
        if (all.stream().noneMatch(argument -> argument.startsWith("--rapport.demo.seed="))) {
            all.add("--rapport.demo.seed=never");
        }
        return new SpringApplicationBuilder(RapportApplication.class).run(all.toArray(String[]::new));
    }
}
