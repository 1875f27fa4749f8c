package org.rapport.mail;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** One message in the outbox. */
public record MailId(@JsonValue UUID value) {

    public MailId {
        if (value == null) throw new IllegalArgumentException("a message id needs a value");
    }

    static MailId next() {
        return new MailId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
