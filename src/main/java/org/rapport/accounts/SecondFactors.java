package org.rapport.accounts;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.protection.NarrativeCipher;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of sign-in: a six-digit code from an authenticator app (TOTP, RFC 6238: HMAC-SHA1,
 * 30-second steps), with ten single-use recovery codes for a lost phone. A code is accepted one
 * step either side of now, for clocks that drift, and each step only once, so a code seen over a
 * shoulder cannot be used again. The shared secret is encrypted like client narrative; recovery
 * codes are kept as hashes. The codes themselves come from a maintained library; this class only
 * decides which step may be used.
 */
@Service
public class SecondFactors {

    static final int DIGITS = 6;
    static final int STEP_SECONDS = 30;
    static final int RECOVERY_CODES = 10;
    static final String SECRET_FIELD = "second_factor.secret";

    private final JdbcClient jdbc;
    private final NarrativeCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    SecondFactors(JdbcClient jdbc, NarrativeCipher cipher, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    /** Starts setting up a second factor for the signed-in person: a new secret, shown, not yet stored. */
    public SecondFactorEnrolment begin() {
        return begin(CurrentUser.require().username());
    }

    SecondFactorEnrolment begin(String username) {
        String secret = new DefaultSecretGenerator(32).generate();
        QrData data = new QrData.Builder().label(username).secret(secret).issuer("Rapport")
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(STEP_SECONDS).build();
        ZxingPngQrGenerator qr = new ZxingPngQrGenerator();
        qr.setImageSize(240);
        try {
            return new SecondFactorEnrolment(secret, data.getUri(), Utils.getDataUriForImage(qr.generate(data), qr.getImageMimeType()));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Could not draw the QR code for a second factor.", e);
        }
    }

    /**
     * Finishes setting up: the code must come from the app that took this secret. Replaces any
     * second factor the person had. Returns the ten recovery codes, shown once.
     *
     * @throws RuleBroken when the code does not match
     */
    @Transactional
    public List<String> confirm(SecondFactorEnrolment enrolment, @Nullable String code) {
        return confirm(CurrentUser.require(), enrolment, code);
    }

    @Transactional
    List<String> confirm(CurrentUser me, SecondFactorEnrolment enrolment, @Nullable String code) {
        long step = matchingStep(enrolment.secret(), code, Long.MIN_VALUE)
                .orElseThrow(() -> new RuleBroken("That code does not match. Type the six digits your app shows now."));
        UUID account = me.accountId().value();
        jdbc.sql("delete from second_factor where account_id = ?").param(account).update();
        jdbc.sql("""
                insert into second_factor (organisation_id, account_id, secret, confirmed_at, last_used_step, version)
                values (?, ?, ?, ?, ?, 0)""")
                .params(me.organisationId().value(), account,
                        cipher.encrypt(enrolment.secret(), me.organisationId(), account, SECRET_FIELD),
                        Timestamp.from(clock.instant()), step)
                .update();
        List<String> recovery = newRecoveryCodes(me);
        events.publishEvent(new SecondFactorChanged(me.organisationId(), me.accountId(),
                "Second factor set up (authenticator app), with " + RECOVERY_CODES + " recovery codes"));
        return recovery;
    }

    /** Ten new recovery codes for the signed-in person, replacing the old ones; shown once. */
    @Transactional
    public List<String> newRecoveryCodes() {
        CurrentUser me = CurrentUser.require();
        if (!hasSecondFactor(me.accountId())) throw new RuleBroken("Set up a second factor first.");
        List<String> recovery = newRecoveryCodes(me);
        events.publishEvent(new SecondFactorChanged(me.organisationId(), me.accountId(), "New recovery codes made"));
        return recovery;
    }

    private List<String> newRecoveryCodes(CurrentUser me) {
        jdbc.sql("delete from recovery_code where account_id = ?").param(me.accountId().value()).update();
        List<String> recovery = Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        for (String code : recovery) {
            jdbc.sql("insert into recovery_code (organisation_id, account_id, code_hash) values (?, ?, ?)")
                    .params(me.organisationId().value(), me.accountId().value(), recoveryHash(code)).update();
        }
        return recovery;
    }

    /** Whether this account of the organisation in scope has a second factor set up. */
    @Transactional(readOnly = true)
    public boolean hasSecondFactor(AccountId account) {
        return jdbc.sql("select count(*) from second_factor where account_id = ?").param(account.value())
                .query(Integer.class).single() > 0;
    }

    /** The sign-in names of the organisation's accounts that have a second factor set up. */
    @Transactional(readOnly = true)
    public java.util.Set<String> accountsWithSecondFactor() {
        return java.util.Set.copyOf(jdbc.sql("""
                select a.username from user_account a join second_factor f
                on f.organisation_id = a.organisation_id and f.account_id = a.account_id""").query(String.class).list());
    }

    /** How many unused recovery codes the signed-in person has left. */
    @Transactional(readOnly = true)
    public int recoveryCodesLeft() {
        return jdbc.sql("select count(*) from recovery_code where account_id = ? and used_at is null")
                .param(CurrentUser.require().accountId().value()).query(Integer.class).single();
    }

    /** The second factor a sign-in was completed with, as the audit trail names it. */
    enum Used {
        APP_CODE("a code from the authenticator app"), RECOVERY_CODE("a recovery code");

        final String said;

        Used(String said) {
            this.said = said;
        }
    }

    /**
     * Checks a code at sign-in for an account whose password has just matched: a code from the app
     * (each step once) or an unused recovery code, which is then used up. Says which matched, if one did.
     */
    Optional<Used> verify(OrganisationId organisation, AccountId account, @Nullable String code) {
        return Tenancy.callAs(organisation, () -> {
            Optional<Stored> stored = jdbc.sql("select secret, last_used_step from second_factor where account_id = ?")
                    .param(account.value())
                    .query((rs, n) -> new Stored(rs.getBytes("secret"), rs.getLong("last_used_step"))).optional();
            if (stored.isEmpty()) return Optional.<Used>empty();
            String secret = cipher.decrypt(stored.get().secret(), organisation, account.value(), SECRET_FIELD);
            Optional<Long> step = matchingStep(secret, code, stored.get().lastUsedStep());
            if (step.isPresent()) {
                // Only a later step than the last one used is taken, so two requests racing with one code cannot both pass.
                boolean taken = jdbc.sql("update second_factor set last_used_step = ? where account_id = ? and last_used_step < ?")
                        .params(step.get(), account.value(), step.get()).update() == 1;
                return taken ? Optional.of(Used.APP_CODE) : Optional.<Used>empty();
            }
            String recovery = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
            if (recovery.length() < 10) return Optional.<Used>empty();
            boolean used = jdbc.sql("""
                    update recovery_code set used_at = ? where account_id = ? and code_hash = ? and used_at is null""")
                    .params(Timestamp.from(clock.instant()), account.value(), recoveryHash(recovery)).update() == 1;
            if (!used) return Optional.<Used>empty();
            // Its owner is told (a security notice), and the audit trail has this one line for the sign-in.
            events.publishEvent(new SecondFactorChanged(organisation, account, "Signed in with a recovery code"));
            return Optional.of(Used.RECOVERY_CODE);
        });
    }

    /** Removes the signed-in person's own second factor; their organisation may make them set one up again. */
    @Transactional
    public void remove() {
        CurrentUser me = CurrentUser.require();
        if (removeFrom(me.accountId())) {
            events.publishEvent(new SecondFactorChanged(me.organisationId(), me.accountId(), "Second factor removed"));
        }
    }

    /**
     * An admin resets the second factor of someone who lost their phone and their recovery codes:
     * they sign in with their password and set up a new one.
     *
     * @throws RecordNotFound when no account of this organisation has the sign-in name
     */
    @Transactional
    public void reset(String username) {
        CurrentUser admin = CurrentUser.require();
        if (!admin.isAdmin()) throw new AccessDeniedException("only an organisation admin may reset a second factor");
        AccountId account = jdbc.sql("select account_id from user_account where username = ?")
                .param(SignInThrottle.key(username)).query(UUID.class).optional().map(AccountId::new)
                .orElseThrow(() -> new RecordNotFound("sign-in account"));
        if (removeFrom(account)) {
            events.publishEvent(new SecondFactorChanged(admin.organisationId(), account, "Second factor reset by an admin"));
        }
    }

    private boolean removeFrom(AccountId account) {
        jdbc.sql("delete from recovery_code where account_id = ?").param(account.value()).update();
        return jdbc.sql("delete from second_factor where account_id = ?").param(account.value()).update() > 0;
    }

    /** Who must use a second factor in the organisation in scope. */
    @Transactional(readOnly = true)
    public SecondFactorPolicy policy() {
        return jdbc.sql("select second_factor_required from organisation where organisation_id = ?")
                .param(Tenancy.require().value()).query(String.class).optional()
                .map(SecondFactorPolicy::valueOf).orElse(SecondFactorPolicy.ADMINS);
    }

    /**
     * Sets who must use a second factor in the organisation in scope: an admin's choice, or the
     * work that opens an organisation (no one is signed in then).
     */
    @Transactional
    public void require(SecondFactorPolicy policy) {
        CurrentUser.find().ifPresent(me -> {
            if (!me.isAdmin()) throw new AccessDeniedException("only an organisation admin may change who needs a second factor");
        });
        jdbc.sql("update organisation set second_factor_required = ?, version = version + 1 where organisation_id = ?")
                .params(policy.name(), Tenancy.require().value()).update();
    }

    /** Whether this person must (or chose to) sign in with a second factor, and whether they have one yet. */
    SecondStep secondStepFor(SignedInUser user) {
        return Tenancy.callAs(user.organisation(), () -> {
            if (hasSecondFactor(user.accountId())) return SecondStep.CODE;
            return policy().requires(user.roles()) ? SecondStep.SET_UP : SecondStep.NONE;
        });
    }

    enum SecondStep { NONE, CODE, SET_UP }

    private record Stored(byte[] secret, long lastUsedStep) {
    }

    /** The time step, one either side of now and later than the last one used, whose code this is. */
    Optional<Long> matchingStep(String secret, @Nullable String code, long lastUsedStep) {
        String typed = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (!typed.matches("\\d{" + DIGITS + "}")) return Optional.empty();
        long now = clock.instant().getEpochSecond() / STEP_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > lastUsedStep && MessageDigest.isEqual(code(secret, step).getBytes(), typed.getBytes())) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    String code(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Could not compute a one-time code.", e);
        }
    }

    private static byte[] recoveryHash(String code) {
        return ApiTokenManagement.hash("recovery:" + code.strip().toLowerCase(Locale.ROOT));
    }
}
