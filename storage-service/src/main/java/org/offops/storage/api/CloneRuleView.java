package org.offops.storage.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A clone rule as the API shows it, with its last refresh: {@code state} new, refreshing, ok, failed, no_snapshot,
 * in_use or refused; {@code originSnapshot} the snapshot the clone follows; {@code pendingSnapshot} the one a
 * refresh in progress (or cut) clones.
 */
public record CloneRuleView(long id, String origin, @JsonProperty("clone") String cloneName,
                            String period, String state, String originSnapshot,
                            String pendingSnapshot, String note, String lastError, OffsetDateTime updatedAt) {
}
