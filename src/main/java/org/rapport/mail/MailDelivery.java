package org.rapport.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one message to the mail server set with {@code spring.mail.*}, or, with none set, writes it
 * to the mail folder as an {@code .eml} file a mail program opens. Says whether it went, was refused
 * for good (a 5xx answer: the address does not exist, the message is not accepted), or should be
 * tried again (the server is away, busy, or answered 4xx).
 */
@Component
class MailDelivery {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final @Nullable JavaMailSender server;
    private final MailSettings settings;
    private final Session session = Session.getInstance(new Properties());

    @Autowired
    MailDelivery(ObjectProvider<JavaMailSender> server, MailSettings settings) {
        this(server.getIfAvailable(), settings);
    }

    /** Through this mail server, or to the folder when there is none. */
    MailDelivery(@Nullable JavaMailSender server, MailSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    /** The outcome of one try. */
    sealed interface Attempt {
    }

    record Delivered() implements Attempt {
    }

    /** Refused for good: trying again would get the same answer. */
    record Refused(String problem) implements Attempt {
    }

    /** Not this time; {@code unreachable} when the server could not be reached at all. */
    record NotYet(String problem, boolean unreachable) implements Attempt {
    }

    boolean toFolder() {
        return server == null;
    }

    Attempt deliver(MailMessages.Outgoing message, Instant now) {
        MimeMessage mime;
        try {
            mime = build(message, now);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new Refused("The message could not be put together (" + e.getClass().getSimpleName() + ").");
        }
        if (server == null) return toFolder(message, mime);
        try {
            server.send(mime);
            return new Delivered();
        } catch (MailAuthenticationException e) {
            return new NotYet("The mail server did not accept Rapport's sign-in (spring.mail.username and password).", true);
        } catch (MailSendException e) {
            Exception failure = e.getFailedMessages().isEmpty() ? e : e.getFailedMessages().values().iterator().next();
            return outcomeOf(failure);
        } catch (MailPreparationException e) {
            return new Refused("The message could not be put together (" + e.getClass().getSimpleName() + ").");
        } catch (MailException e) {
            return new NotYet("The mail server could not take the message (" + e.getClass().getSimpleName() + ").", false);
        }
    }

    /** Reads the mail server's answer out of the failure: its reply code says whether to try again. */
    static Attempt outcomeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Integer code = null;
            if (cause instanceof SMTPAddressFailedException refused) code = refused.getReturnCode();
            else if (cause instanceof SMTPSenderFailedException refused) code = refused.getReturnCode();
            else if (cause instanceof SMTPSendFailedException refused) code = refused.getReturnCode();
            if (code != null) {
                String answer = "The mail server answered " + oneLine(cause.getMessage());
                return code >= 500 ? new Refused(answer) : new NotYet(answer, false);
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof SocketTimeoutException) {
                return new NotYet("The mail server could not be reached (" + cause.getClass().getSimpleName() + ").", true);
            }
            if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0 && cause.getCause() == null) {
                return new Refused("The mail server refused the address.");
            }
        }
        return new NotYet("The mail server could not take the message (" + failure.getClass().getSimpleName() + ").", true);
    }

    private MimeMessage build(MailMessages.Outgoing message, Instant now) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = new OutboxMessage(session, message.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
        helper.setFrom(new InternetAddress(settings.from().getAddress(), message.senderName(), "UTF-8"));
        helper.setTo(message.to());
        helper.setSubject(message.subject());
        helper.setSentDate(Date.from(now));
        if (message.html() == null) {
            helper.setText(message.text(), false);
        } else {
            // The same message twice, plain text first: a mail program shows the last it can.
            MimeMultipart alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(part(message.text(), "plain"));
            alternatives.addBodyPart(part(message.html(), "html"));
            mime.setContent(alternatives);
        }
        // RFC 3834: an automatic message, so out-of-office replies are not sent back to it.
        mime.setHeader("Auto-Submitted", "auto-generated");
        return mime;
    }

    private static MimeBodyPart part(String body, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(body, "UTF-8", subtype);
        return part;
    }

    /** Named by the message's id, so a second try writes the same file again rather than a second one. */
    private Attempt toFolder(MailMessages.Outgoing message, MimeMessage mime) {
        Path folder = settings.folder();
        Path file = folder.resolve(FILE_TIME.format(message.queuedAt()) + "-" + message.id() + ".eml");
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path partial = Files.createTempFile(folder, "writing-", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    mime.writeTo(out);
                }
                try {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
            return new Delivered();
        } catch (IOException | MessagingException e) {
            return new NotYet("The mail folder " + folder + " could not be written (" + e.getClass().getSimpleName() + ").", true);
        }
    }

    private static String oneLine(@Nullable String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() > 240 ? line.substring(0, 240) + "…" : line;
    }

    /** Keeps the Message-ID given at queue time: JavaMail would otherwise make a new one for each try. */
    private static final class OutboxMessage extends MimeMessage {

        private final String messageId;

        OutboxMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
