package org.rapport.accounts;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rapport.mail.Mail;
import org.rapport.mail.MailOutbox;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a person by mail when how they sign in has changed, so a change they did not make does not
 * go unnoticed: their password, their second factor, or a recovery code used. Sent to their sign-in
 * name where that is an email address. The message is queued in the transaction of the change
 * (joined, or begun when the change had none), so it goes if and only if the change holds.
 */
@Component
class SecurityNotices {

    static final String PASSWORD_CHANGED = "password-changed";
    static final String SECOND_FACTOR_CHANGED = "second-factor-changed";

    private final MailOutbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SecurityNotices(MailOutbox outbox, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener
    void on(PasswordChanged changed) {
        tell(changed.organisation(), changed.account(), "Your Rapport password was changed", PASSWORD_CHANGED,
                changed.at(), "");
    }

    /** A password chosen through a reset link: the person hears of it as of any change of password. */
    @EventListener
    void on(PasswordResetEvent reset) {
        if (reset.what() == PasswordResetEvent.What.USED) {
            tell(reset.organisation(), reset.account(), "Your Rapport password was changed", PASSWORD_CHANGED, reset.at(), "");
        }
    }

    @EventListener
    void on(SecondFactorChanged changed) {
        tell(changed.organisation(), changed.account(), "A change to how you sign in to Rapport", SECOND_FACTOR_CHANGED,
                clock.instant(), changed.what());
    }

    private void tell(OrganisationId organisation, AccountId account, String subject, String template,
            Instant at, String what) {
        Tenancy.runAs(organisation, () -> transactions.executeWithoutResult(status -> {
            Optional<Person> person = jdbc.sql("""
                    select a.username, a.display_name, o.time_zone from user_account a
                    join organisation o on o.organisation_id = a.organisation_id
                    where a.organisation_id = ? and a.account_id = ?""")
                    .params(organisation.value(), account.value())
                    .query((rs, n) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
            person.flatMap(p -> emailOf(p.username()).map(email -> new Mail(organisation, email, subject, template,
                    Map.of("name", p.displayName(), "when", p.when(at), "what", what))))
                    .ifPresent(outbox::queue);
        }));
    }

    private record Person(String username, String displayName, String timeZone) {

        String when(Instant at) {
            return DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm (zzzz)", Locale.UK)
                    .withZone(ZoneId.of(timeZone)).format(at);
        }
    }

    /** A sign-in name that is an email address; the older names (such as the demo's) are not. */
    static Optional<String> emailOf(String username) {
        if (username.indexOf('@') < 1) return Optional.empty();
        try {
            InternetAddress address = new InternetAddress(username, true);
            address.validate();
            String domain = username.substring(username.indexOf('@') + 1);
            return domain.contains(".") ? Optional.of(address.getAddress()) : Optional.empty();
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
