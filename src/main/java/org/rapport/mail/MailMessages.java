package org.rapport.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox's rows: {@code mail_message} under the organisation's policies, {@code mail_due} beside them. */
@Repository
class MailMessages {

    private static final String VIEW = "mail_id, recipient, subject, template, status, attempts, queued_at,"
            + " last_attempt_at, next_attempt_at, sent_at, problem";

    private final JdbcClient jdbc;

    MailMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A message ready to send: what the worker needs to build it. */
    record Outgoing(MailId id, String messageId, String senderName, String to, String subject, String text,
            @Nullable String html, int attempts, Instant queuedAt) {
    }

    /** A message whose next try has come, found before any organisation is in scope. */
    record Due(OrganisationId organisation, MailId id) {
    }

    void queue(MailId id, String messageId, String senderName, Mail mail, MailTemplates.Rendered body, Instant at) {
        jdbc.sql("insert into mail_message (organisation_id, mail_id, message_id, template, sender_name, recipient, subject,"
                        + " text_body, html_body, status, attempts, queued_at, next_attempt_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, 0)")
                .params(mail.organisation().value(), id.value(), messageId, mail.template(), senderName, mail.to(),
                        mail.subject(), body.text(), body.html(), Timestamp.from(at), Timestamp.from(at))
                .update();
        jdbc.sql("insert into mail_due (organisation_id, mail_id, due_at) values (?, ?, ?)")
                .params(mail.organisation().value(), id.value(), Timestamp.from(at)).update();
    }

    /** The name the organisation in scope sends mail under: the one its admins chose, or its own name. */
    String senderName() {
        return jdbc.sql("select coalesce(mail_sender_name, name) from organisation where organisation_id = ?")
                .param(Tenancy.require().value()).query(String.class).single();
    }

    /** The organisation's own name, which messages name in their text. */
    String organisationName() {
        return jdbc.sql("select name from organisation where organisation_id = ?")
                .param(Tenancy.require().value()).query(String.class).single();
    }

    /** Works with no organisation in scope: the messages whose next try has come, oldest first. */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("select organisation_id, mail_id from mail_due where due_at <= ? order by due_at limit ?")
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> new Due(new OrganisationId(rs.getObject(1, UUID.class)), new MailId(rs.getObject(2, UUID.class))))
                .list();
    }

    /**
     * Takes the message for this try, or nothing when another server holds it (skipped, not waited
     * for) or it is no longer waiting. The row stays locked until the transaction ends.
     */
    Optional<Outgoing> take(MailId id) {
        return jdbc.sql("select mail_id, message_id, sender_name, recipient, subject, text_body, html_body, attempts, queued_at"
                        + " from mail_message where mail_id = ? and status = 'QUEUED' for update skip locked")
                .param(id.value())
                .query((rs, n) -> new Outgoing(new MailId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        rs.getTimestamp(9).toInstant()))
                .optional();
    }

    /** Whether the message is still waiting (taken by another server) rather than done with. */
    boolean stillQueued(MailId id) {
        return jdbc.sql("select count(*) from mail_message where mail_id = ? and status = 'QUEUED'")
                .param(id.value()).query(Integer.class).single() > 0;
    }

    void sent(MailId id, Instant at) {
        jdbc.sql("update mail_message set status = 'SENT', attempts = attempts + 1, last_attempt_at = ?, sent_at = ?,"
                        + " next_attempt_at = null, problem = null, text_body = null, html_body = null, version = version + 1"
                        + " where mail_id = ?")
                .params(Timestamp.from(at), Timestamp.from(at), id.value()).update();
        notDue(id);
    }

    void failed(MailId id, Instant at, String problem) {
        jdbc.sql("update mail_message set status = 'FAILED', attempts = attempts + 1, last_attempt_at = ?,"
                        + " next_attempt_at = null, problem = ?, text_body = null, html_body = null, version = version + 1"
                        + " where mail_id = ?")
                .params(Timestamp.from(at), problem, id.value()).update();
        notDue(id);
    }

    void tryAgainAt(MailId id, Instant at, Instant next, String problem) {
        jdbc.sql("update mail_message set attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?, problem = ?,"
                        + " version = version + 1 where mail_id = ?")
                .params(Timestamp.from(at), Timestamp.from(next), problem, id.value()).update();
        jdbc.sql("update mail_due set due_at = ? where organisation_id = ? and mail_id = ?")
                .params(Timestamp.from(next), Tenancy.require().value(), id.value()).update();
    }

    void notDue(MailId id) {
        jdbc.sql("delete from mail_due where organisation_id = ? and mail_id = ?")
                .params(Tenancy.require().value(), id.value()).update();
    }

    List<MailView> recent(@Nullable MailStatus status, int limit) {
        return jdbc.sql("select " + VIEW + " from mail_message where (cast(? as varchar) is null or status = ?)"
                        + " order by queued_at desc, mail_id limit ?")
                .params(status == null ? null : status.name(), status == null ? null : status.name(), limit)
                .query(MailMessages::view).list();
    }

    Optional<MailView> find(MailId id) {
        return jdbc.sql("select " + VIEW + " from mail_message where mail_id = ?").param(id.value())
                .query(MailMessages::view).optional();
    }

    MailCounts counts() {
        return jdbc.sql("select count(*) filter (where status = 'QUEUED'), count(*) filter (where status = 'SENT'),"
                        + " count(*) filter (where status = 'FAILED') from mail_message")
                .query((rs, n) -> new MailCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    private static MailView view(ResultSet rs, int n) throws SQLException {
        return new MailView(new MailId(rs.getObject("mail_id", UUID.class)), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("template"), MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("queued_at").toInstant(), instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"),
                instant(rs, "sent_at"), rs.getString("problem"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
