package org.rapport.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the outbox sends: the sender's address, how often the worker looks for mail that is due, how
 * long the wait between tries may grow, when a message is given up on, and the folder messages are
 * written to while no mail server is set ({@code spring.mail.host}).
 */
@Component
class MailSettings {

    private final InternetAddress from;
    private final Path folder;
    private final Duration longestWait;
    private final Duration giveUpAfter;
    private final int batch;

    MailSettings(@Value("${rapport.mail.from:rapport@localhost}") String from,
            @Value("${rapport.mail.folder:./data/mail}") Path folder,
            @Value("${rapport.mail.longest-wait:15m}") Duration longestWait,
            @Value("${rapport.mail.give-up-after:3d}") Duration giveUpAfter,
            @Value("${rapport.mail.batch:100}") int batch) {
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("rapport.mail.from is not an email address: " + from, e);
        }
        if (longestWait.isNegative() || longestWait.isZero()) throw new IllegalStateException("rapport.mail.longest-wait must be positive");
        if (giveUpAfter.isNegative() || giveUpAfter.isZero()) throw new IllegalStateException("rapport.mail.give-up-after must be positive");
        if (batch < 1) throw new IllegalStateException("rapport.mail.batch must be at least 1");
        this.folder = folder.toAbsolutePath().normalize();
        this.longestWait = longestWait;
        this.giveUpAfter = giveUpAfter;
        this.batch = batch;
    }

    InternetAddress from() {
        return from;
    }

    /** The part of the sender's address after the @, which ends every Message-ID. */
    String domain() {
        String address = from.getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    Path folder() {
        return folder;
    }

    Duration giveUpAfter() {
        return giveUpAfter;
    }

    int batch() {
        return batch;
    }

    /**
     * How long to wait after the given number of failed tries: half a minute, doubling each time,
     * never more than the longest wait (fifteen minutes by default). A mail server that is down for
     * an hour has its mail within fifteen minutes of coming back.
     */
    Duration waitAfter(int failedTries) {
        Duration wait = Duration.ofSeconds(30);
        for (int i = 1; i < failedTries && wait.compareTo(longestWait) < 0; i++) wait = wait.multipliedBy(2);
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }
}
