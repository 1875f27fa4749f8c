package org.rapport.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox on a real database, with no mail server set (the embedded default): a message is
 * queued only inside the transaction of what causes it and only if that commits, is written once to
 * the mail folder as a message a mail program opens, and is then kept as a record without its body.
 * Each organisation sees only its own mail.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TravellingClock.Configuration.class)
class MailOutboxIntegrationTests {

    @Autowired MailOutbox outbox;
    @Autowired MailSending sending;
    @Autowired MailSettings settings;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TravellingClock clock;

    TestOrganisation riverside;
    TestOrganisation harbour;
    TransactionTemplate work;

    @BeforeEach
    void twoOrganisations() {
        clock.reset();
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        harbour = new TestOrganisation(accounts, people, "Harbour Coaching");
        work = new TransactionTemplate(transactions);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void refusesAMessageOutsideATransaction() {
        assertThatThrownBy(() -> riverside.inScope(() -> outbox.queue(aMessage(riverside, "ash@riverside.example"))))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void queuesNothingWhenTheWorkThatCausedItIsRolledBack() {
        riverside.inScope(() -> work.execute(status -> {
            outbox.queue(aMessage(riverside, "ash@riverside.example"));
            status.setRollbackOnly();
            return null;
        }));

        assertThat(riverside.inScope(() -> outbox.recent(null))).isEmpty();
    }

    @Test
    void writesTheMessageToTheFolderOnceAndKeepsItsRecordWithoutTheBody() throws Exception {
        MailId id = queue(riverside, "ash@riverside.example");

        sending.sendDue();
        sending.sendDue();

        List<Path> files = filesOf(id);
        assertThat(files).as("written once, however often the worker runs").hasSize(1);
        MimeMessage message = read(files.get(0));
        assertThat(message.getMessageID()).isEqualTo("<" + id + "@localhost>");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Riverside Counselling");
        assertThat(message.getSubject()).isEqualTo("Your Rapport password was changed");
        assertThat(message.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(Files.getPosixFilePermissions(files.get(0)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String raw = Files.readString(files.get(0));
        assertThat(raw).contains("Hello Ash Marlow").contains("Content-Type: text/html");

        MailView sent = riverside.inScope(() -> outbox.find(id)).orElseThrow();
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(riverside.inScope(() -> outbox.counts())).isEqualTo(new MailCounts(0, 1, 0));
        assertThat(riverside.inScope(() -> jdbc.sql("select count(*) from mail_message where mail_id = ?"
                + " and text_body is null and html_body is null").param(id.value()).query(Integer.class).single()))
                .as("the body is erased once sent").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_due where mail_id = ?").param(id.value()).query(Integer.class).single())
                .as("nothing left due").isZero();
    }

    @Test
    void anOrganisationSeesOnlyItsOwnMail() {
        MailId riversides = queue(riverside, "ash@riverside.example");

        assertThat(harbour.inScope(() -> outbox.recent(null))).isEmpty();
        assertThat(harbour.inScope(() -> outbox.find(riversides))).isEmpty();
        assertThat(harbour.inScope(() -> outbox.counts())).isEqualTo(new MailCounts(0, 0, 0));
        assertThatThrownBy(() -> harbour.inScope(() -> work.execute(status -> outbox.queue(aMessage(riverside, "ash@riverside.example")))))
                .as("a message is queued in the organisation it is from").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listsTheLatestFirstAndByStatus() {
        MailId first = queue(riverside, "ash@riverside.example");
        sending.sendDue();
        MailId second = queue(riverside, "robin@riverside.example");

        assertThat(riverside.inScope(() -> outbox.recent(null))).extracting(MailView::id).containsExactly(second, first);
        assertThat(riverside.inScope(() -> outbox.recent(MailStatus.SENT))).extracting(MailView::id).containsExactly(first);
        assertThat(riverside.inScope(() -> outbox.recent(MailStatus.QUEUED))).extracting(MailView::id).containsExactly(second);
    }

    @Test
    void refusesATemplateThatDoesNotExistAndQueuesNothing() {
        assertThatThrownBy(() -> riverside.inScope(() -> work.execute(status -> outbox.queue(
                new Mail(riverside.id(), "ash@riverside.example", "Hello", "no-such-template", Map.of())))))
                .hasMessageContaining("no-such-template");
        assertThat(riverside.inScope(() -> outbox.recent(null))).isEmpty();
    }

    private MailId queue(TestOrganisation organisation, String to) {
        return organisation.inScope(() -> work.execute(status -> outbox.queue(aMessage(organisation, to))));
    }

    static Mail aMessage(TestOrganisation organisation, String to) {
        return new Mail(organisation.id(), to, "Your Rapport password was changed", "password-changed",
                Map.of("name", "Ash Marlow", "when", "4 December 2026 at 09:30 (Greenwich Mean Time)"));
    }

    private List<Path> filesOf(MailId id) throws Exception {
        try (Stream<Path> files = Files.list(settings.folder())) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + id + ".eml")).toList();
        }
    }

    static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
