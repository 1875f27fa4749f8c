package org.rapport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rapport set up as an operator would set it up: {@code spring.mail.host} and {@code port} name the
 * mail server, and the worker sends on its own schedule. A change of password reaches its owner's
 * inbox once, with nobody calling the worker. The context is closed afterwards so its quick worker
 * does not go on sending other tests' mail.
 */
@SpringBootTest(properties = "rapport.mail.send-interval=250ms")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MailThroughSpringMailSettingsTests {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopTheMailServer() {
        SMTP.stop();
    }

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired MailOutbox outbox;

    @Test
    void theWorkerSendsAChangedPasswordsNoticeOnceThroughTheMailServer() throws Exception {
        TestOrganisation riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        Staff ash = riverside.staffWithEmail("Ash Marlow", Role.HELPER);

        riverside.run(ash, () -> accounts.changePassword(TestOrganisation.PASSWORD, "lantern orchard pebble drift", null));

        // On a shared database the worker also sends mail other tests left waiting, so wait for this one.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (receivedBy(ash.username()).isEmpty() && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(receivedBy(ash.username())).as("the notice arrives").isNotEmpty();
        Thread.sleep(1_000);
        java.util.List<MimeMessage> received = receivedBy(ash.username());
        assertThat(received).as("once, after several rounds of the worker").hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Your Rapport password was changed");
        assertThat(outbox.folder()).as("no folder while a mail server is set").isEmpty();
        assertThat(riverside.inScope(() -> outbox.recent(MailStatus.SENT))).hasSize(1);
    }

    private static java.util.List<MimeMessage> receivedBy(String address) throws jakarta.mail.MessagingException {
        java.util.List<MimeMessage> received = new java.util.ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) received.add(message);
        }
        return received;
    }

    private static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
