package org.rapport.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rapport.shared.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The worker's round: tries each message whose time has come, one transaction each. A message is
 * taken with its row locked (another server's worker skips it), handed to the mail server, and
 * marked sent in the same transaction, so it is sent once; were the mark itself lost after the
 * server took the message, the next try hands over the same Message-ID, which mail programs treat
 * as one message. A refusal for good, or tries that go on past {@code rapport.mail.give-up-after},
 * mark it not sent with the reason. Nothing of a message's address or content goes into the log.
 */
@Component
class MailSending {

    private static final Logger log = LoggerFactory.getLogger(MailSending.class);

    /** A round stops taking new messages after this, so a slow server cannot hold the lock for long. */
    static final Duration LONGEST_ROUND = Duration.ofMinutes(2);
    static final int MAX_PROBLEM = 300;

    private final MailMessages messages;
    private final MailDelivery delivery;
    private final MailSettings settings;
    private final TransactionTemplate work;
    private final TransactionTemplate lookup;
    private final Clock clock;

    MailSending(MailMessages messages, MailDelivery delivery, MailSettings settings,
            PlatformTransactionManager transactions, Clock clock) {
        this.messages = messages;
        this.delivery = delivery;
        this.settings = settings;
        this.work = new TransactionTemplate(transactions);
        this.lookup = new TransactionTemplate(transactions);
        this.lookup.setReadOnly(true);
        this.clock = clock;
    }

    /** Sends what is due; returns how many messages went. */
    int sendDue() {
        Instant started = clock.instant();
        List<MailMessages.Due> due = lookup.execute(status -> messages.due(started, settings.batch()));
        int sent = 0;
        for (MailMessages.Due message : due == null ? List.<MailMessages.Due>of() : due) {
            if (clock.instant().isAfter(started.plus(LONGEST_ROUND))) break;
            MailDelivery.Attempt attempt;
            try {
                attempt = Tenancy.callAs(message.organisation(),
                        () -> work.execute(status -> attempt(message.id()).orElse(null)));
            } catch (RuntimeException e) {
                log.warn("Message {} of organisation {} could not be tried: {}", message.id(), message.organisation(),
                        e.getClass().getSimpleName());
                continue;
            }
            if (attempt instanceof MailDelivery.Delivered) sent++;
            // The rest would meet the same closed door; they are tried again on the next round.
            if (attempt instanceof MailDelivery.NotYet notYet && notYet.unreachable()) break;
        }
        return sent;
    }

    private Optional<MailDelivery.Attempt> attempt(MailId id) {
        Optional<MailMessages.Outgoing> taken = messages.take(id);
        if (taken.isEmpty()) {
            if (!messages.stillQueued(id)) messages.notDue(id);
            return Optional.empty();
        }
        MailMessages.Outgoing message = taken.get();
        Instant now = clock.instant();
        MailDelivery.Attempt attempt = delivery.deliver(message, now);
        if (attempt instanceof MailDelivery.Delivered) {
            messages.sent(id, now);
        } else if (attempt instanceof MailDelivery.Refused refused) {
            messages.failed(id, now, shortened(refused.problem()));
            log.warn("Message {} was refused by the mail server and will not be tried again", id);
        } else if (attempt instanceof MailDelivery.NotYet notYet) {
            if (!now.isBefore(message.queuedAt().plus(settings.giveUpAfter()))) {
                messages.failed(id, now, shortened("Given up after " + (message.attempts() + 1) + " tries over "
                        + days(settings.giveUpAfter()) + ". " + notYet.problem()));
                log.warn("Message {} was given up on after {} tries", id, message.attempts() + 1);
            } else {
                Instant next = now.plus(settings.waitAfter(message.attempts() + 1));
                messages.tryAgainAt(id, now, next, shortened(notYet.problem()));
                log.info("Message {} not sent yet ({}); next try at {}", id, notYet.problem(), next);
            }
        }
        return Optional.of(attempt);
    }

    private static String days(Duration period) {
        long days = period.toDays();
        if (days >= 1) return days == 1 ? "a day" : days + " days";
        long hours = period.toHours();
        return hours >= 1 ? hours + (hours == 1 ? " hour" : " hours") : period.toMinutes() + " minutes";
    }

    private static String shortened(String problem) {
        return problem.length() > MAX_PROBLEM ? problem.substring(0, MAX_PROBLEM - 1) + "…" : problem;
    }
}
