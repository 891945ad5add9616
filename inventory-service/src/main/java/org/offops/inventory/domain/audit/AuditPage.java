package org.offops.inventory.domain.audit;

import java.util.List;

/** One newest-first page of the journal; {@code nextCursor} is null on the last page. */
public record AuditPage(List<AuditEntry> events, String nextCursor) {
}
