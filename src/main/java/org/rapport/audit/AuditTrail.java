package org.rapport.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.CurrentOperator;
import org.rapport.accounts.CurrentUser;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who read or changed which client's record, when, and from where. Entries are written in the
 * transaction of the work they describe, so a change and its audit entry stand or fall together.
 * The detail never carries client content: it names what was done, not what was written. Pauses
 * and unlocks of an account's sign-in are recorded here too, against the account.
 */
@Service
public class AuditTrail {

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that the signed-in person looked at a client's record. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void read(String recordType, UUID recordId, @Nullable UUID clientPartyId, String detail) {
        write(AuditAction.READ, recordType, recordId, clientPartyId, detail);
    }

    /** Records that the signed-in person created or changed a client's record. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(String recordType, UUID recordId, @Nullable UUID clientPartyId, String detail) {
        write(AuditAction.CHANGE, recordType, recordId, clientPartyId, detail);
    }

    /** One page of a client's audit trail, newest first. */
    @Transactional(readOnly = true)
    public AuditPage forClient(UUID clientPartyId, int page) {
        int safePage = Math.max(0, page);
        long total = jdbc.sql("select count(*) from audit_entry where client_party_id = ?").param(clientPartyId)
                .query(Long.class).single();
        List<AuditEntry> entries = jdbc.sql("""
                select happened_at, actor_name, action, record_type, record_id, detail, remote_address
                from audit_entry where client_party_id = ?
                order by happened_at desc, entry_id
                limit ? offset ?""")
                .params(clientPartyId, PAGE_SIZE, safePage * PAGE_SIZE)
                .query((rs, n) -> new AuditEntry(rs.getTimestamp("happened_at").toInstant(), rs.getString("actor_name"),
                        AuditAction.valueOf(rs.getString("action")), rs.getString("record_type"),
                        rs.getObject("record_id", UUID.class), rs.getString("detail"), rs.getString("remote_address")))
                .list();
        return new AuditPage(entries, safePage, PAGE_SIZE, total);
    }

    private void write(AuditAction action, String recordType, UUID recordId, @Nullable UUID clientPartyId,
            String detail) {
        CurrentUser user = CurrentUser.find().orElse(null);
        jdbc.sql("""
                insert into audit_entry (organisation_id, entry_id, happened_at, actor_account_id, actor_name, action,
                                         record_type, record_id, client_party_id, detail, remote_address)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Tenancy.require().value(), UUID.randomUUID(), Timestamp.from(Instant.now(clock)),
                        user == null ? null : user.accountId().value(),
                        user != null ? user.displayName() + " (" + user.username() + ")"
                                : CurrentOperator.find().map(CurrentOperator::describe).orElse("Rapport (system)"),
                        action.name(), recordType, recordId, clientPartyId, truncate(detail, 300), remoteAddress())
                .update();
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return truncate(request.getRemoteAddr(), 64);
        }
        return "background";
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
