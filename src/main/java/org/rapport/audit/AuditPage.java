package org.rapport.audit;

import java.util.List;

/** A page of audit entries, newest first. */
public record AuditPage(List<AuditEntry> entries, int page, int pageSize, long total) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    public int pageCount() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pageCount();
    }
}
