package org.rapport.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox every module sends mail through (decision 21). {@link #queue} writes the message in
 * the transaction of what causes it, so it is sent if and only if that work is committed; the worker
 * sends it soon after, once, and keeps trying while the mail server is away. Admins read what
 * became of their organisation's messages.
 */
@Service
public class MailOutbox {

    public static final int MOST_SHOWN = 200;

    private final MailMessages messages;
    private final MailTemplates templates;
    private final MailSettings settings;
    private final MailDelivery delivery;
    private final Clock clock;

    MailOutbox(MailMessages messages, MailTemplates templates, MailSettings settings, MailDelivery delivery, Clock clock) {
        this.messages = messages;
        this.templates = templates;
        this.settings = settings;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * Queues a message of the organisation in scope, rendered now from its template; the model also
     * gets {@code organisationName}. Its Message-ID is fixed here, so a message a failing server
     * might hand over twice is the same message both times.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MailId queue(Mail mail) {
        if (!Tenancy.require().equals(mail.organisation())) {
            throw new IllegalStateException("a message is queued in the organisation it is from");
        }
        String organisationName = messages.organisationName();
        Map<String, Object> model = new HashMap<>(mail.model());
        model.put("organisationName", organisationName);
        MailTemplates.Rendered body = templates.render(mail.template(), model);
        MailId id = MailId.next();
        Instant now = clock.instant();
        messages.queue(id, "<" + id + "@" + settings.domain() + ">", messages.senderName(), mail, body, now);
        return id;
    }

    /** The organisation's latest messages, newest first, perhaps only those with one status. */
    @Transactional(readOnly = true)
    public List<MailView> recent(@Nullable MailStatus status) {
        Tenancy.require();
        return messages.recent(status, MOST_SHOWN);
    }

    @Transactional(readOnly = true)
    public Optional<MailView> find(MailId id) {
        Tenancy.require();
        return messages.find(id);
    }

    @Transactional(readOnly = true)
    public MailCounts counts() {
        Tenancy.require();
        return messages.counts();
    }

    /** Where messages go while no mail server is set, or empty when one is. */
    public Optional<Path> folder() {
        return delivery.toFolder() ? Optional.of(settings.folder()) : Optional.empty();
    }
}
