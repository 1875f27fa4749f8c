package org.rapport.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import java.util.regex.Pattern;
import org.rapport.shared.OrganisationId;

/**
 * A message to queue: to whom, its subject, and the template (under {@code mail/} in the resources, a
 * {@code .txt} and optionally an {@code .html}) with what it shows. A subject never carries client
 * content: it is seen on lock screens and in notification previews. The model holds only what the
 * message needs.
 */
public record Mail(OrganisationId organisation, String to, String subject, String template, Map<String, Object> model) {

    static final int MAX_SUBJECT = 200;
    static final int MAX_ADDRESS = 254;
    private static final Pattern TEMPLATE = Pattern.compile("[a-z][a-z0-9-]{0,59}");

    public Mail {
        if (to == null || to.isBlank() || to.length() > MAX_ADDRESS) {
            throw new IllegalArgumentException("a message needs one email address to go to");
        }
        to = to.strip();
        try {
            new InternetAddress(to, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an email address a message can go to", e);
        }
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT || subject.contains("\n") || subject.contains("\r")) {
            throw new IllegalArgumentException("a message needs a one-line subject of at most " + MAX_SUBJECT + " characters");
        }
        if (template == null || !TEMPLATE.matcher(template).matches()) {
            throw new IllegalArgumentException("a mail template is named in lower case letters, digits and hyphens");
        }
        model = Map.copyOf(model);
    }

    /** Names the template only: the address is personal data and the model may hold a one-time link. */
    @Override
    public String toString() {
        return "Mail[" + template + "]";
    }
}
