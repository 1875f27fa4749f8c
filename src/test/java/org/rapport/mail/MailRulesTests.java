package org.rapport.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.rapport.shared.OrganisationId;
import org.springframework.mail.MailSendException;

/**
 * The outbox's rules without a database: how long it waits between tries, which answers of a mail
 * server mean "never" and which "not now", and what a message must have to be queued.
 */
class MailRulesTests {

    static final OrganisationId RIVERSIDE = new OrganisationId(UUID.randomUUID());

    MailSettings settings = new MailSettings("rapport@riverside.example", Path.of("target/mail"),
            Duration.ofMinutes(15), Duration.ofDays(3), 100);

    @Test
    void waitsHalfAMinuteThenTwiceAsLongEachTimeUpToAQuarterOfAnHour() {
        assertThat(java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(settings::waitAfter))
                .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                        Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    @Test
    void aServerDownForAnHourIsTriedWithinAQuarterOfAnHourOfComingBack() {
        Duration waited = Duration.ZERO;
        int tries = 0;
        while (waited.compareTo(Duration.ofHours(1)) < 0) waited = waited.plus(settings.waitAfter(++tries));
        assertThat(waited.minus(Duration.ofHours(1))).isLessThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(tries).as("failed tries before the first one after the hour").isEqualTo(8);
    }

    @Test
    void endsMessageIdsWithTheSendersDomain() {
        assertThat(settings.domain()).isEqualTo("riverside.example");
    }

    @Test
    void refusesASenderThatIsNotAnAddress() {
        assertThatThrownBy(() -> new MailSettings("not an address", Path.of("x"), Duration.ofMinutes(15), Duration.ofDays(3), 1))
                .hasMessageContaining("rapport.mail.from");
    }

    @Test
    void aPermanentRefusalOfTheAddressIsNotTriedAgain() throws Exception {
        MailDelivery.Attempt attempt = MailDelivery.outcomeOf(failed(new SMTPAddressFailedException(
                new InternetAddress("ash@riverside.example"), "RCPT TO", 550, "550 5.1.1 No such user here")));

        assertThat(attempt).isEqualTo(new MailDelivery.Refused("The mail server answered 550 5.1.1 No such user here"));
    }

    @Test
    void aServerThatIsBusyIsTriedAgain() throws Exception {
        MailDelivery.Attempt attempt = MailDelivery.outcomeOf(failed(new SMTPSendFailedException("DATA", 451,
                "451 4.3.0 Try again later", null, null, null, null)));

        assertThat(attempt).isEqualTo(new MailDelivery.NotYet("The mail server answered 451 4.3.0 Try again later", false));
    }

    @Test
    void aServerThatCannotBeReachedIsTriedAgainAndStopsTheRound() {
        MailDelivery.Attempt attempt = MailDelivery.outcomeOf(failed(
                new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"))));

        assertThat(attempt).isEqualTo(new MailDelivery.NotYet("The mail server could not be reached (ConnectException).", true));
    }

    @Test
    void aMessageNeedsAnAddressAOneLineSubjectAndANamedTemplate() {
        assertThatThrownBy(() -> mail("not-an-address", "Hello", "password-changed")).hasMessageContaining("email address");
        assertThatThrownBy(() -> mail("ash@riverside.example", "Hello\r\nBcc: someone@else.example", "password-changed"))
                .hasMessageContaining("one-line subject");
        assertThatThrownBy(() -> mail("ash@riverside.example", "Hello", "../secrets")).hasMessageContaining("template");
        assertThat(mail(" ash@riverside.example ", "Hello", "password-changed").to()).isEqualTo("ash@riverside.example");
    }

    @Test
    void namesOnlyItsTemplateWhenPrinted() {
        Mail mail = new Mail(RIVERSIDE, "ash@riverside.example", "Hello", "invitation", Map.of("link", "https://x/secret"));

        assertThat(mail.toString()).isEqualTo("Mail[invitation]").doesNotContain("ash").doesNotContain("secret");
    }

    private static Mail mail(String to, String subject, String template) {
        return new Mail(RIVERSIDE, to, subject, template, Map.of());
    }

    private static MailSendException failed(Exception cause) {
        return new MailSendException("Failed messages", cause, Map.of(new Object(), cause));
    }
}
