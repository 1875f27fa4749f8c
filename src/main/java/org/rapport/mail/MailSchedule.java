package org.rapport.mail;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks for mail that is due every {@code rapport.mail.send-interval} (ten seconds by default).
 * Several servers may share the database; each round takes the {@value #LOCK} lock first, so one
 * server sends at a time (decision record 19), and each message's row is locked while it is tried.
 * A round stops taking messages after two minutes; a server that stops mid-round holds the lock for
 * at most five.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailSchedule {

    static final String LOCK = "mail-outbox";

    private final MailSending sending;

    MailSchedule(MailSending sending) {
        this.sending = sending;
    }

    @Scheduled(fixedDelayString = "${rapport.mail.send-interval:10s}", initialDelayString = "${rapport.mail.send-interval:10s}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT5M", lockAtLeastFor = "PT1S")
    void sendDue() {
        sending.sendDue();
    }
}
