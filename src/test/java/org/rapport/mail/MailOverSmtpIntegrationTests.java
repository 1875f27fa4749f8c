package org.rapport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TravellingClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server in process (GreenMail): each message arrives once, even
 * with two workers racing for it; while the server is down nothing is lost and the message is tried
 * again, waiting longer each time, and it arrives once the server is back; a message that cannot be
 * sent for three days is given up on, said so, and its body erased.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TravellingClock.Configuration.class)
class MailOverSmtpIntegrationTests {

    @Autowired MailOutbox outbox;
    @Autowired MailMessages messages;
    @Autowired MailSending folderSending;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TravellingClock clock;

    int port;
    GreenMail smtp;
    MailSending sending;
    TestOrganisation riverside;
    TransactionTemplate work;
    String ash = "ash-" + java.util.UUID.randomUUID() + "@riverside.example";

    @BeforeEach
    void aMailServerAndNothingElseDue() throws Exception {
        clock.reset();
        // Other tests' mail waiting in the shared database goes to the folder first, so each round
        // here tries only this test's messages.
        while (folderSending.sendDue() > 0) {
            // sending what other tests left
        }
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        JavaMailSenderImpl server = new JavaMailSenderImpl();
        server.setHost("127.0.0.1");
        server.setPort(port);
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.connectiontimeout", "2000");
        timeouts.put("mail.smtp.timeout", "2000");
        server.setJavaMailProperties(timeouts);
        MailSettings settings = new MailSettings("rapport@riverside.example", java.nio.file.Path.of("target/mail"),
                Duration.ofMinutes(15), Duration.ofDays(3), 100);
        sending = new MailSending(messages, new MailDelivery(server, settings), settings, transactions, clock);
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        work = new TransactionTemplate(transactions);
    }

    @AfterEach
    void stop() {
        smtp.stop();
        clock.reset();
    }

    @Test
    void deliversEachMessageOnceWithItsMessageId() throws Exception {
        MailId id = queue(ash);

        sending.sendDue();
        sending.sendDue();

        MimeMessage[] received = receivedBy(ash);
        assertThat(received).hasSize(1);
        assertThat(received[0].getMessageID()).startsWith("<" + id + "@");
        assertThat(received[0].getSubject()).isEqualTo("Your Rapport password was changed");
        assertThat(view(id).status()).isEqualTo(MailStatus.SENT);
    }

    @Test
    void twoWorkersRacingSendEachMessageOnce() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            addresses.add("person" + i + "-" + java.util.UUID.randomUUID() + "@riverside.example");
            queue(addresses.get(i));
        }
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> round = sending::sendDue;
            List<Future<Integer>> rounds = servers.invokeAll(List.of(round, round));
            int sent = rounds.get(0).get() + rounds.get(1).get();
            assertThat(sent).as("sent by both workers together").isEqualTo(12);
        } finally {
            servers.shutdown();
        }
        for (String address : addresses) {
            assertThat(receivedBy(address)).as("messages to " + address).hasSize(1);
        }
    }

    @Test
    void keepsEveryMessageWhileTheServerIsDownAndSendsItOnceItIsBack() throws Exception {
        smtp.stop();
        MailId id = queue(ash);

        sending.sendDue();
        MailView waiting = view(id);
        assertThat(waiting.status()).isEqualTo(MailStatus.QUEUED);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.problem()).isEqualTo("The mail server could not be reached (ConnectException).");
        assertThat(Duration.between(waiting.lastAttemptAt(), waiting.nextAttemptAt())).isEqualTo(Duration.ofSeconds(30));

        sending.sendDue();
        assertThat(view(id).attempts()).as("not tried again before its wait is over").isEqualTo(1);

        for (int minute = 0; minute < 60; minute++) {
            clock.travel(Duration.ofMinutes(1));
            sending.sendDue();
        }
        assertThat(view(id).status()).as("still waiting after an hour").isEqualTo(MailStatus.QUEUED);
        assertThat(view(id).attempts()).as("tries in the hour, waiting longer each time").isEqualTo(8);

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        clock.travel(Duration.ofMinutes(15));
        sending.sendDue();

        assertThat(receivedBy(ash)).hasSize(1);
        MailView sent = view(id);
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.problem()).isNull();
    }

    @Test
    void givesUpAfterThreeDaysAndSaysWhy() {
        smtp.stop();
        MailId id = queue(ash);
        sending.sendDue();

        clock.travel(Duration.ofDays(3));
        sending.sendDue();

        MailView given = view(id);
        assertThat(given.status()).isEqualTo(MailStatus.FAILED);
        assertThat(given.problem()).isEqualTo(
                "Given up after 2 tries over 3 days. The mail server could not be reached (ConnectException).");
        assertThat(riverside.inScope(() -> outbox.counts()).failed()).isEqualTo(1);
    }

    private MailId queue(String to) {
        return riverside.inScope(() -> work.execute(status -> outbox.queue(MailOutboxIntegrationTests.aMessage(riverside, to))));
    }

    private MailView view(MailId id) {
        return riverside.inScope(() -> outbox.find(id)).orElseThrow();
    }

    private MimeMessage[] receivedBy(String address) throws Exception {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }
}
