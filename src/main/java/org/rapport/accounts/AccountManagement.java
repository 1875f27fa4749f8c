package org.rapport.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Opens organisations and the sign-in accounts of the people who work in them. */
@Service
public class AccountManagement implements UserDetailsService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,119}");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SignedInSessions sessions;
    private final ApiTokenManagement tokens;
    private final SecondFactorPolicy secondFactorsForNewOrganisations;
    private final SignInLimits limits;

    AccountManagement(JdbcClient jdbc, PasswordEncoder passwords, SignInThrottle throttle, SignInLimits limits,
            ApplicationEventPublisher events, Clock clock, SignedInSessions sessions, ApiTokenManagement tokens,
            @Value("${rapport.second-factor.new-organisations:ADMINS}") SecondFactorPolicy secondFactorsForNewOrganisations) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.throttle = throttle;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
        this.sessions = sessions;
        this.tokens = tokens;
        this.secondFactorsForNewOrganisations = secondFactorsForNewOrganisations;
    }

    /**
     * Opens a new organisation; its data is walled off from every other organisation's. Not
     * transactional itself: the new organisation must be in scope before a connection is taken.
     */
    public OrganisationId openOrganisation(String name) {
        return openOrganisation(NewOrganisation.named(name));
    }

    /** Opens a new organisation with its time zone, locale and country; not transactional, as above. */
    public OrganisationId openOrganisation(NewOrganisation organisation) {
        OrganisationId id = new OrganisationId(UUID.randomUUID());
        open(id, organisation, null);
        return id;
    }

    /**
     * Opens an organisation under the id given, in the caller's transaction when the id is already
     * in scope: an operator's opening and its first admin's invitation stand or fall together.
     */
    void open(OrganisationId id, NewOrganisation organisation, @Nullable String openedBy) {
        String name = organisation.name();
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new RuleBroken("An organisation needs a name of at most 200 characters.");
        }
        String country = organisation.country() == null || organisation.country().isBlank() ? null
                : organisation.country().strip().toUpperCase(Locale.ROOT);
        if (country != null && !Set.of(Locale.getISOCountries()).contains(country)) {
            throw new RuleBroken("A country is given as its two-letter ISO 3166 code, such as GB or IE.");
        }
        Tenancy.runAs(id, () -> {
            jdbc.sql("""
                    insert into organisation (organisation_id, name, time_zone, locale, country, second_factor_required,
                                              created_at, version)
                    values (?, ?, ?, ?, ?, ?, ?, 0)""")
                    .params(id.value(), name.strip(), organisation.timeZone().getId(),
                            organisation.locale().toLanguageTag(), country, secondFactorsForNewOrganisations.name(),
                            ts(clock.instant()))
                    .update();
            jdbc.sql("insert into hosted_organisation (organisation_id, opened_at, opened_by) values (?, ?, ?)")
                    .params(id.value(), ts(clock.instant()), openedBy).update();
        });
    }

    /**
     * Whether anyone can sign in to this Rapport at all: false on a fresh database, until the first
     * organisation has its first account. Read from the sign-in names, outside row-level security.
     */
    @Transactional(readOnly = true)
    public boolean anyoneCanSignIn() {
        return Boolean.TRUE.equals(jdbc.sql("""
                select exists (select 1 from sign_in_name) or exists (select 1 from operator_account)""")
                .query(Boolean.class).single());
    }

    /** Whether any organisation has been opened on this Rapport, read outside row-level security. */
    @Transactional(readOnly = true)
    public boolean anyOrganisation() {
        return Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from hosted_organisation)").query(Boolean.class).single());
    }

    /**
     * Why this password may not be used for an account with this sign-in name and name in an
     * organisation of this name, or empty when it may: the same rule {@link #openAccount} applies,
     * so a form can say so beside the password before anything is opened.
     */
    public Optional<String> passwordRefusal(String password, String username, String displayName,
            String organisationName) {
        return PasswordPolicy.refusal(password, List.of(username.strip().toLowerCase(), displayName, organisationName),
                false);
    }

    /**
     * Every organisation with at least one sign-in account, for work that runs outside a request
     * and must visit each organisation in turn with its own scope (the daily alert sweep). Read
     * from the sign-in names, which sit outside the row-level security policies and hold nothing
     * about a client.
     */
    @Transactional(readOnly = true)
    public java.util.List<OrganisationId> organisationsWithAccounts() {
        return jdbc.sql("select distinct organisation_id from sign_in_name order by organisation_id")
                .query(UUID.class).list().stream().map(OrganisationId::new).toList();
    }

    public Optional<String> organisationName(OrganisationId organisation) {
        return Tenancy.callAs(organisation, () -> organisationNameInScope(organisation));
    }

    /** The organisation's name, for the password policy's personal words; read in the caller's scope. */
    private String nameOf(OrganisationId organisation) {
        return organisationNameInScope(organisation).orElse("");
    }

    private Optional<String> organisationNameInScope(OrganisationId organisation) {
        return jdbc.sql("select name from organisation where organisation_id = ?")
                .param(organisation.value()).query(String.class).optional();
    }

    private static final ThreadLocal<Boolean> SEEDING_THE_DEMO = ThreadLocal.withInitial(() -> false);

    /**
     * Does the demo organisation's seeding, whose accounts share the password Rapport prints at start;
     * everywhere else that published password is refused.
     */
    public void seedingTheDemo(Runnable seeding) {
        SEEDING_THE_DEMO.set(true);
        try {
            seeding.run();
        } finally {
            SEEDING_THE_DEMO.remove();
        }
    }

    /** Opens an account in the organisation in scope. Sign-in names are unique across all organisations. */
    @Transactional
    public AccountId openAccount(NewAccount account) {
        OrganisationId organisation = Tenancy.require();
        String username = account.username() == null ? "" : account.username().strip().toLowerCase();
        if (!USERNAME.matcher(username).matches()) {
            throw new RuleBroken("A sign-in name is 3 to 120 characters: lower-case letters, digits, '.', '_', '-' or '@'.");
        }
        if (account.displayName() == null || account.displayName().isBlank() || account.displayName().length() > 120) {
            throw new RuleBroken("An account needs a name to show, of at most 120 characters.");
        }
        PasswordPolicy.refusal(account.password(), List.of(username, account.displayName(), nameOf(organisation)),
                SEEDING_THE_DEMO.get()).ifPresent(refusal -> {
                    throw new RuleBroken(refusal);
                });
        if (account.roles().isEmpty()) {
            throw new RuleBroken("An account needs at least one role.");
        }
        if (signInNameTaken(username)) {
            throw new RuleBroken("The sign-in name '" + username + "' is already in use.");
        }
        AccountId id = new AccountId(UUID.randomUUID());
        jdbc.sql("insert into sign_in_name (username, organisation_id) values (?, ?)")
                .params(username, organisation.value()).update();
        jdbc.sql("""
                insert into user_account (organisation_id, account_id, username, password_hash, display_name, roles,
                                          helper_id, enabled, created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, true, ?, 0)""")
                .params(organisation.value(), id.value(), username, passwords.encode(account.password()),
                        account.displayName().strip(), encode(account.roles()), account.helperId(),
                        ts(clock.instant()))
                .update();
        return id;
    }

    /** Whether a sign-in name is in use anywhere on this Rapport: by an organisation's account or an operator. */
    boolean signInNameTaken(String username) {
        return Boolean.TRUE.equals(jdbc.sql("""
                select exists (select 1 from sign_in_name where username = :name)
                    or exists (select 1 from operator_account where username = :name)""")
                .param("name", username).query(Boolean.class).single());
    }

    /** The account linked to a helper record, if that helper can sign in. */
    @Transactional(readOnly = true)
    public Optional<String> usernameOfHelper(UUID helperId) {
        return jdbc.sql("select username from user_account where helper_id = ?").param(helperId)
                .query(String.class).optional();
    }

    /**
     * Lifts the pause on sign-in to an account of the organisation in scope, and starts its count of
     * failed attempts again; an organisation admin's work. A pause on the client address the
     * attempts came from is not lifted: it ends by itself.
     *
     * @throws RecordNotFound when no account of this organisation has the sign-in name
     */
    @Transactional
    public void unlockSignIn(String username) {
        if (!CurrentUser.require().isAdmin()) {
            throw new AccessDeniedException("only an organisation admin may unlock sign-in");
        }
        OrganisationId organisation = Tenancy.require();
        String name = SignInThrottle.key(username);
        AccountId account = jdbc.sql("select account_id from user_account where organisation_id = ? and username = ?")
                .params(organisation.value(), name).query(UUID.class).optional().map(AccountId::new)
                .orElseThrow(() -> new RecordNotFound("sign-in account"));
        boolean wasPaused = throttle.accountPausedUntil(name).isPresent();
        // Audited first: the unlock is kept only if its audit entry is.
        events.publishEvent(new SignInUnlocked(account, organisation, wasPaused, clock.instant()));
        throttle.lift(name);
    }

    /**
     * Deactivates an account of the organisation in scope, for someone who has left: they can no
     * longer sign in, every session they are signed in with ends and every API token of theirs is
     * revoked. What they wrote and did stays, still attributed to them. An admin's work, and never
     * on their own account, so an organisation always keeps an admin who can sign in.
     *
     * @throws RecordNotFound when no account of this organisation has the sign-in name
     * @throws RuleBroken when the admin names their own account
     */
    @Transactional
    public void deactivate(String username) {
        CurrentUser admin = requireAdmin("deactivate an account");
        Account account = account(username);
        if (account.id().equals(admin.accountId())) {
            throw new RuleBroken("You cannot deactivate your own account; another admin can.");
        }
        if (!account.enabled()) return;
        jdbc.sql("update user_account set enabled = false, version = version + 1 where account_id = ?")
                .param(account.id().value()).update();
        int revoked = tokens.revokeAllOf(account.id());
        events.publishEvent(new AccountDeactivated(account.id(), admin.organisationId(), revoked, clock.instant()));
        // Sessions live apart from the account; they end once the deactivation is committed, so one
        // that fails leaves its person signed in as before.
        afterCommit(() -> sessions.endAllOf(account.username()));
    }

    /**
     * Reactivates an account; its person signs in again with their password. Sessions and tokens
     * ended when it was deactivated stay ended.
     *
     * @throws RecordNotFound when no account of this organisation has the sign-in name
     */
    @Transactional
    public void reactivate(String username) {
        CurrentUser admin = requireAdmin("reactivate an account");
        Account account = account(username);
        if (account.enabled()) return;
        jdbc.sql("update user_account set enabled = true, version = version + 1 where account_id = ?")
                .param(account.id().value()).update();
        events.publishEvent(new AccountReactivated(account.id(), admin.organisationId(), clock.instant()));
    }

    /**
     * Changes the signed-in person's own password. The current one must be typed, and a wrong one
     * counts against sign-in with their name as a failed sign-in does, so a session left open
     * cannot be used to guess it; the new one is held to the password policy and must differ.
     * Once committed, every other session of theirs ends: all of them when the change came through
     * the API ({@code keepSession} null), all but the page's own when it came from a page.
     *
     * @throws PasswordNotChanged naming the field at fault
     */
    // Nothing is written before a refusal but the audit entry of a pause it began, which must stay.
    @Transactional(noRollbackFor = PasswordNotChanged.class)
    public void changePassword(String current, String replacement, @Nullable String keepSession) {
        CurrentUser me = CurrentUser.require();
        throttle.accountPausedUntil(me.username()).ifPresent(until -> {
            throw new PasswordNotChanged(PasswordNotChanged.Field.CURRENT,
                    "Too many wrong passwords: sign-in with your name is paused for a while. Try again later.");
        });
        String hash = jdbc.sql("select password_hash from user_account where account_id = ?")
                .param(me.accountId().value()).query(String.class).optional()
                .orElseThrow(() -> new RecordNotFound("sign-in account"));
        if (current == null || current.isEmpty() || !passwords.matches(current, hash)) {
            Instant pausedUntil = throttle.failedWithName(me.username());
            if (pausedUntil != null) {
                events.publishEvent(new SignInLocked(me.accountId(), me.organisationId(), SignInLocked.By.ACCOUNT,
                        limits.accountAttempts(), pausedUntil));
            }
            throw new PasswordNotChanged(PasswordNotChanged.Field.CURRENT, "That is not your current password.");
        }
        Optional<String> refusal = PasswordPolicy.refusal(replacement,
                List.of(me.username(), me.displayName(), nameOf(me.organisationId())), false);
        if (refusal.isPresent()) {
            throw new PasswordNotChanged(PasswordNotChanged.Field.REPLACEMENT, refusal.get());
        }
        if (passwords.matches(replacement, hash)) {
            throw new PasswordNotChanged(PasswordNotChanged.Field.REPLACEMENT,
                    "That is your current password; choose a new one.");
        }
        jdbc.sql("update user_account set password_hash = ?, version = version + 1 where account_id = ?")
                .params(passwords.encode(replacement), me.accountId().value()).update();
        events.publishEvent(new PasswordChanged(me.accountId(), me.organisationId(), clock.instant()));
        afterCommit(() -> {
            if (keepSession == null) sessions.endAllOf(me.username());
            else sessions.endAllBut(keepSession);
        });
    }

    /**
     * Changes the name the signed-in person is shown by; the pages show it from their next request
     * once {@link #refreshSignedIn} has run.
     *
     * @throws RuleBroken when the name is empty or longer than 120 characters
     */
    @Transactional
    public void renameMe(String name) {
        CurrentUser me = CurrentUser.require();
        String shown = name == null ? "" : name.strip();
        if (shown.isEmpty() || shown.length() > 120) throw new RuleBroken("Give your name, of at most 120 characters.");
        jdbc.sql("update user_account set display_name = ?, version = version + 1 where account_id = ?")
                .params(shown, me.accountId().value()).update();
    }

    /** Reloads the signed-in person into their session, so a new name or role shows at once. */
    public void refreshSignedIn(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        org.springframework.security.core.Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof SignedInUser signedIn)) return;
        SignedInUser reloaded = (SignedInUser) loadUserByUsername(signedIn.getUsername());
        // As after sign-in, the session keeps no password hash.
        reloaded.eraseCredentials();
        org.springframework.security.core.context.SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(reloaded, null, reloaded.getAuthorities()));
        SecurityContextHolder.setContext(context);
        SignInSecondStep.CONTEXTS.saveContext(context, request, response);
    }

    /** The settings of the organisation in scope. */
    @Transactional(readOnly = true)
    public OrganisationSettings organisationSettings() {
        return jdbc.sql("""
                select name, time_zone, locale, country, mail_sender_name, crisis_information, records_kept_years
                from organisation where organisation_id = ?""")
                .param(Tenancy.require().value())
                .query((rs, n) -> new OrganisationSettings(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), (Integer) rs.getObject(7)))
                .optional().orElseThrow(() -> new RecordNotFound("organisation"));
    }

    /**
     * Changes the settings of the admin's organisation. The name, time zone and locale are needed;
     * the rest may be left empty. Audited with what changed, never the texts themselves.
     *
     * @throws SettingsRefused naming the setting at fault
     */
    @Transactional
    public OrganisationSettings changeOrganisationSettings(OrganisationSettings change) {
        CurrentUser admin = requireAdmin("change the organisation's settings");
        String name = oneLine(change.name());
        if (name == null || name.length() > OrganisationSettings.LONGEST_NAME) {
            throw new SettingsRefused("name", "Give the organisation's name, of at most " + OrganisationSettings.LONGEST_NAME
                    + " characters.");
        }
        String zone = change.timeZone() == null ? "" : change.timeZone().strip();
        if (!java.time.ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new SettingsRefused("timeZone", "Give a time zone as a region and city, such as Europe/London.");
        }
        if (change.locale() == null || !NewOrganisation.LOCALES.contains(change.locale())) {
            throw new SettingsRefused("locale", "Choose a language and date format from the list.");
        }
        String country = oneLine(change.country());
        if (country != null && !java.util.Set.of(java.util.Locale.getISOCountries()).contains(country.toUpperCase(java.util.Locale.ROOT))) {
            throw new SettingsRefused("country", "Give the country as its two-letter code, such as GB or IE, or leave it empty.");
        }
        String sender = oneLine(change.mailSenderName());
        if (sender != null && sender.length() > OrganisationSettings.LONGEST_SENDER) {
            throw new SettingsRefused("mailSenderName", "The name mail is sent under is one line of at most "
                    + OrganisationSettings.LONGEST_SENDER + " characters.");
        }
        String crisis = change.crisisInformation() == null || change.crisisInformation().isBlank() ? null
                : change.crisisInformation().strip().replace("\r\n", "\n");
        if (crisis != null && crisis.length() > OrganisationSettings.LONGEST_CRISIS) {
            throw new SettingsRefused("crisisInformation", "What clients are told to do if they need help now is at most "
                    + OrganisationSettings.LONGEST_CRISIS + " characters.");
        }
        Integer kept = change.recordsKeptYears();
        if (kept != null && (kept < 1 || kept > OrganisationSettings.LONGEST_KEPT_YEARS)) {
            throw new SettingsRefused("recordsKeptYears", "Give how long records are kept as whole years from 1 to "
                    + OrganisationSettings.LONGEST_KEPT_YEARS + ", or leave it empty to keep them until an admin decides.");
        }
        OrganisationSettings before = organisationSettings();
        OrganisationSettings after = new OrganisationSettings(name, zone, change.locale(),
                country == null ? null : country.toUpperCase(java.util.Locale.ROOT), sender, crisis, kept);
        jdbc.sql("""
                update organisation set name = ?, time_zone = ?, locale = ?, country = ?, mail_sender_name = ?,
                                        crisis_information = ?, records_kept_years = ?, version = version + 1
                where organisation_id = ?""")
                .params(after.name(), after.timeZone(), after.locale(), after.country(), after.mailSenderName(),
                        after.crisisInformation(), after.recordsKeptYears(), admin.organisationId().value())
                .update();
        events.publishEvent(new OrganisationSettingsChanged(admin.organisationId(), admin.accountId(),
                changedSettings(before, after), clock.instant()));
        return after;
    }

    private static java.util.List<String> changedSettings(OrganisationSettings before, OrganisationSettings after) {
        java.util.List<String> changed = new java.util.ArrayList<>();
        if (!before.name().equals(after.name())) changed.add("name");
        if (!before.timeZone().equals(after.timeZone())) changed.add("time zone");
        if (!before.locale().equals(after.locale())) changed.add("language and date format");
        if (!java.util.Objects.equals(before.country(), after.country())) changed.add("country");
        if (!java.util.Objects.equals(before.mailSenderName(), after.mailSenderName())) changed.add("mail sender name");
        if (!java.util.Objects.equals(before.crisisInformation(), after.crisisInformation())) changed.add("crisis information");
        if (!java.util.Objects.equals(before.recordsKeptYears(), after.recordsKeptYears())) changed.add("how long records are kept");
        return changed;
    }

    private static @Nullable String oneLine(@Nullable String text) {
        if (text == null || text.isBlank()) return null;
        String value = text.strip();
        return value.contains("\n") || value.contains("\r") ? value.replaceAll("\\s+", " ") : value;
    }

    /** The roles a member of staff may be given, in the order forms offer them; a client's account is apart. */
    public static final List<Role> STAFF_ROLES = List.of(Role.ADMIN, Role.SUPERVISOR, Role.HELPER);

    /**
     * Gives an account of the organisation in scope these roles in place of its own. An admin's
     * work, and never to take the admin role from themselves, so an organisation always keeps an
     * admin. The account's sessions end once committed: a session keeps the roles it signed in with.
     *
     * @throws RecordNotFound when no account of this organisation has the sign-in name
     * @throws RuleBroken when no staff role is given, or the admin would lose their own
     */
    @Transactional
    public void changeRoles(String username, Set<Role> roles) {
        CurrentUser admin = requireAdmin("change roles");
        Account account = account(username);
        if (roles == null || roles.isEmpty() || !STAFF_ROLES.containsAll(roles)) {
            throw new RuleBroken("Give at least one role: organisation admin, supervisor or helper.");
        }
        if (account.id().equals(admin.accountId()) && !roles.contains(Role.ADMIN)) {
            throw new RuleBroken("You cannot take the admin role from yourself; another admin can.");
        }
        Set<Role> before = account.roles();
        if (before.equals(roles)) return;
        jdbc.sql("update user_account set roles = ?, version = version + 1 where account_id = ?")
                .params(encode(roles), account.id().value()).update();
        events.publishEvent(new RolesChanged(account.id(), admin.organisationId(), before, roles, clock.instant()));
        if (!account.id().equals(admin.accountId())) {
            afterCommit(() -> sessions.endAllOf(account.username()));
        }
    }

    /** The sign-in names of the organisation's deactivated accounts. */
    @Transactional(readOnly = true)
    public Set<String> deactivated() {
        return Set.copyOf(jdbc.sql("select username from user_account where not enabled").query(String.class).list());
    }

    private record Account(AccountId id, String username, boolean enabled, Set<Role> roles) {
    }

    private Account account(String username) {
        return jdbc.sql("""
                select account_id, username, enabled, roles from user_account
                where organisation_id = ? and username = ?""")
                .params(Tenancy.require().value(), SignInThrottle.key(username))
                .query((rs, n) -> new Account(new AccountId(rs.getObject("account_id", UUID.class)),
                        rs.getString("username"), rs.getBoolean("enabled"), decode(rs.getString("roles"))))
                .optional().orElseThrow(() -> new RecordNotFound("sign-in account"));
    }

    private static CurrentUser requireAdmin(String work) {
        CurrentUser me = CurrentUser.require();
        if (!me.isAdmin()) throw new AccessDeniedException("only an organisation admin may " + work);
        return me;
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    /** Until when sign-in with this name is paused by its own failed attempts, if it is. */
    public Optional<Instant> signInPausedUntil(String username) {
        return throttle.accountPausedUntil(username);
    }

    /** The account with this sign-in name, in whichever organisation, for recording what happened to it. */
    Optional<CurrentUser> signInAccount(String username) {
        try {
            return loadUserByUsername(username) instanceof SignedInUser user ? Optional.of(user.asCurrentUser())
                    : Optional.empty();
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    // Not transactional: the sign-in name is found before its organisation is in scope, and each
    // query takes its own connection scoped to the organisation known at that moment. A name with no
    // organisation may be an operator's. An account of a suspended organisation cannot sign in.
    @Override
    public UserDetails loadUserByUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        Optional<OrganisationId> found = jdbc.sql("select organisation_id from sign_in_name where username = ?")
                .param(name).query(UUID.class).optional().map(OrganisationId::new);
        if (found.isEmpty()) {
            return jdbc.sql("""
                    select operator_id, username, password_hash, display_name, enabled from operator_account
                    where username = ?""")
                    .param(name)
                    .query((rs, n) -> (UserDetails) new SignedInOperator(rs.getObject("operator_id", UUID.class),
                            rs.getString("username"), rs.getString("password_hash"), rs.getString("display_name"),
                            rs.getBoolean("enabled")))
                    .optional()
                    .orElseThrow(() -> new UsernameNotFoundException("unknown sign-in name"));
        }
        return Tenancy.callAs(found.get(), () -> jdbc.sql("""
                select a.account_id, a.organisation_id, a.username, a.password_hash, a.display_name, a.roles, a.helper_id,
                       a.enabled and h.suspended_at is null as enabled
                from user_account a left join hosted_organisation h on h.organisation_id = a.organisation_id
                where a.username = ?""")
                .param(name)
                .query((rs, n) -> new SignedInUser(rs.getObject("account_id", UUID.class),
                        rs.getObject("organisation_id", UUID.class), rs.getString("username"),
                        rs.getString("password_hash"), rs.getString("display_name"), decode(rs.getString("roles")),
                        rs.getObject("helper_id", UUID.class), rs.getBoolean("enabled")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown sign-in name")));
    }

    private static String encode(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Role> decodeRoles(@Nullable String roles) {
        return decode(roles);
    }

    private static Set<Role> decode(@Nullable String roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        if (roles != null && !roles.isBlank()) {
            Arrays.stream(roles.split(",")).map(String::strip).map(Role::valueOf).forEach(set::add);
        }
        return set;
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }
}
