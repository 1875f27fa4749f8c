package org.rapport.setup;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.NewOrganisation;
import org.rapport.accounts.Operators;
import org.rapport.accounts.SettingsRefused;
import org.rapport.accounts.Role;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Sets up a Rapport that nobody can sign in to yet: a fresh database, where the demo organisation
 * was not seeded. At start, after the migrations and any demo seeding, it opens the first
 * organisation and its admin from the start-up variables ({@link SetupVariables}); without them
 * it issues a one-time setup code and prints the setup page's address with it. Once anyone can
 * sign in, both ways are closed for good.
 */
@Service
public class FirstRunSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);

    /** A subset of the sign-in names the accounts module allows, so a valid address is always a valid name. */
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9][a-z0-9._-]*@[a-z0-9][a-z0-9.-]*\\.[a-z]{2,}");

    private final AccountManagement accounts;
    private final Operators operators;
    private final Environment environment;
    private final boolean pageEnabled;
    private final SetupCode code = new SetupCode();
    private volatile boolean setUp;

    FirstRunSetup(AccountManagement accounts, Operators operators, Environment environment,
            @Value("${rapport.setup.page-enabled:true}") boolean pageEnabled) {
        this.accounts = accounts;
        this.operators = operators;
        this.environment = environment;
        this.pageEnabled = pageEnabled;
    }

    /**
     * Whether anyone can sign in. Asked on every request until the answer is yes, which then holds:
     * nothing takes the last account away.
     */
    public boolean isSetUp() {
        if (!setUp && accounts.anyoneCanSignIn()) setUp = true;
        return setUp;
    }

    /** Whether requests are led to the setup page while Rapport is not set up. */
    public boolean pageEnabled() {
        return pageEnabled;
    }

    /**
     * Runs once the context has started, so after the migrations and after the demo's seeding (an
     * organisation seeded there means there is nothing to set up). A refusal stops the start.
     */
    @EventListener(ApplicationStartedEvent.class)
    void atStart(ApplicationStartedEvent event) {
        SetupVariables variables;
        try {
            variables = SetupVariables.from(environment);
        } catch (SetupRefused refused) {
            log.error(refused.getMessage());
            throw refused;
        }
        // Read before an operator is opened: the organisation variables apply only while there is none.
        boolean organisationExists = accounts.anyOrganisation();
        if (variables.operatorGiven()) {
            try {
                operatorFromVariables(variables);
            } catch (SetupRefused refused) {
                log.error(refused.getMessage());
                throw refused;
            }
        }
        if (organisationExists) {
            if (variables.anyGiven() || variables.adminName() != null) {
                log.info("Rapport already has an organisation, so the RAPPORT_SETUP_* variables are ignored.");
            }
            return;
        }
        if (variables.anyGiven()) {
            try {
                fromVariables(variables);
            } catch (SetupRefused refused) {
                // Said plainly before the start-up failure's stack trace; the message never holds the password.
                log.error(refused.getMessage());
                throw refused;
            }
        } else if (isSetUp()) {
            return;
        } else if (pageEnabled) {
            log.info("Rapport is not set up yet. Open this address once to set up the first organisation and its "
                    + "admin: {}setup?code={}", address(event), code.issue());
        } else {
            log.warn("Rapport is not set up yet and nobody can sign in: give {}, {} and {} and start again.",
                    SetupVariables.ORGANISATION, SetupVariables.ADMIN_EMAIL, SetupVariables.ADMIN_PASSWORD);
        }
    }

    /**
     * Opens the operator account the variables name, unless an operator already signs in with that
     * address; an installation with an operator is set up, and its operator opens the organisations.
     */
    private void operatorFromVariables(SetupVariables variables) {
        if (variables.operatorEmail() == null || variables.operatorPassword() == null) {
            throw new SetupRefused("Rapport cannot open its operator account: give both "
                    + SetupVariables.OPERATOR_EMAIL + " and " + SetupVariables.OPERATOR_PASSWORD + " (or their _FILE forms).");
        }
        String email = variables.operatorEmail().strip().toLowerCase(Locale.ROOT);
        if (operators.isOperator(email)) {
            log.info("The operator {} already exists, so {} and {} are ignored.", email, SetupVariables.OPERATOR_EMAIL,
                    SetupVariables.OPERATOR_PASSWORD);
            return;
        }
        try {
            operators.create(email, nameFrom(email), variables.operatorPassword());
        } catch (SettingsRefused refused) {
            String variable = refused.setting().equals("operatorPassword") ? SetupVariables.OPERATOR_PASSWORD
                    : SetupVariables.OPERATOR_EMAIL;
            throw new SetupRefused("Rapport cannot open its operator account. " + variable + ": " + refused.getMessage());
        }
        setUp = true;
        log.info("Rapport's operator account {} is opened: sign in with it to open organisations.", email);
    }

    private void fromVariables(SetupVariables variables) {
        if (!variables.missing().isEmpty()) {
            throw new SetupRefused("Rapport cannot be set up from its start-up variables: "
                    + String.join(", ", variables.missing()) + (variables.missing().size() == 1 ? " is" : " are")
                    + " missing. Give all three of " + SetupVariables.ORGANISATION + ", " + SetupVariables.ADMIN_EMAIL
                    + " and " + SetupVariables.ADMIN_PASSWORD + " (or their _FILE forms), or none of them.");
        }
        String email = variables.adminEmail().strip().toLowerCase(Locale.ROOT);
        String name = variables.adminName() != null ? variables.adminName().strip() : nameFrom(email);
        try {
            open(new FirstOrganisation(variables.organisation().strip(), NewOrganisation.DEFAULT_TIME_ZONE,
                    NewOrganisation.DEFAULT_LOCALE, null, name, email, variables.adminPassword()));
        } catch (SetupRefused refused) {
            String variable = refused.field() == null ? "" : switch (refused.field()) {
                case "adminPassword" -> SetupVariables.ADMIN_PASSWORD + ": ";
                case "adminEmail" -> SetupVariables.ADMIN_EMAIL + ": ";
                case "adminName" -> SetupVariables.ADMIN_NAME + ": ";
                default -> SetupVariables.ORGANISATION + ": ";
            };
            throw new SetupRefused(refused.field(), "Rapport cannot be set up from its start-up variables. " + variable
                    + refused.getMessage());
        }
        log.info("Rapport is set up: organisation '{}' opened, with its admin {}.", variables.organisation().strip(),
                email);
    }

    /** Whether this code opens the setup page now. */
    public boolean codeOpensThePage(@Nullable String setupCode) {
        return !isSetUp() && code.matches(setupCode);
    }

    /**
     * Opens the first organisation and its admin from the setup page; the code is spent with it.
     *
     * @throws SetupCodeRefused when the code is missing, wrong or already used, or Rapport is set up
     * @throws SetupRefused when the organisation or admin cannot be opened as given; nothing is opened
     */
    public synchronized void setUp(@Nullable String setupCode, FirstOrganisation first) {
        if (!codeOpensThePage(setupCode)) throw new SetupCodeRefused();
        open(first);
        code.spend();
        log.info("Rapport is set up on its setup page: organisation '{}' opened, with its admin {}.", first.name(),
                first.adminEmail().strip().toLowerCase(Locale.ROOT));
    }

    private synchronized void open(FirstOrganisation first) {
        if (accounts.anyOrganisation()) throw new SetupRefused("Rapport is already set up.");
        String email = first.adminEmail() == null ? "" : first.adminEmail().strip().toLowerCase(Locale.ROOT);
        if (first.name() == null || first.name().isBlank() || first.name().strip().length() > 200) {
            throw new SetupRefused("name", "The organisation needs a name of at most 200 characters.");
        }
        if (email.length() > 120 || !EMAIL.matcher(email).matches()) {
            throw new SetupRefused("adminEmail", "The admin's email address must look like name@example.org: at most "
                    + "120 characters, with letters, digits, '.', '_' or '-' (sign-in names take no '+').");
        }
        if (first.adminName() == null || first.adminName().isBlank() || first.adminName().strip().length() > 120) {
            throw new SetupRefused("adminName", "The admin needs a name to show, of at most 120 characters.");
        }
        // The password is checked before anything is opened, so a refusal leaves the database as it was.
        accounts.passwordRefusal(first.adminPassword(), email, first.adminName().strip(), first.name().strip())
                .ifPresent(refusal -> {
                    throw new SetupRefused("adminPassword", refusal);
                });
        OrganisationId organisation = accounts.openOrganisation(new NewOrganisation(first.name().strip(),
                first.timeZone(), first.locale(), first.country()));
        Tenancy.runAs(organisation, () -> accounts.openAccount(new NewAccount(email, first.adminPassword(),
                first.adminName().strip(), Set.of(Role.ADMIN), null)));
        setUp = true;
    }

    /** "avery.quinn@example.org" is shown as "Avery Quinn". */
    static String nameFrom(String email) {
        String local = email.substring(0, Math.max(0, email.indexOf('@')));
        String name = Arrays.stream(local.split("[._-]+")).filter(part -> !part.isEmpty())
                .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1))
                .collect(Collectors.joining(" "));
        return name.isBlank() ? email : name;
    }

    private String address(ApplicationStartedEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort()
                : environment.getProperty("server.port", Integer.class, 8080);
        String path = environment.getProperty("server.servlet.context-path", "");
        return "http://localhost:" + port + (path.endsWith("/") ? path : path + "/");
    }
}
