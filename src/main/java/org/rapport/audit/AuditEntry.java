package org.rapport.audit;

import java.time.Instant;
import java.util.UUID;

/** One line of an audit trail: who, when, what, which record, from where. */
public record AuditEntry(Instant happenedAt, String actor, AuditAction action, String recordType, UUID recordId,
        String detail, String remoteAddress) {
}
