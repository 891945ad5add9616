package org.offops.storage.domain.replication;

import java.util.List;

/**
 * What the target's next pull does: nothing, a full send, an incremental from the newest common snapshot, a resume
 * of an interrupted receive — or nothing at all because the replica diverged, with the operator's repair commands
 * ({@code keepAside}: the name the diverged replica is renamed to, never destroyed).
 */
public record ReplicationPlan(Kind kind, String from, String to, String resumeToken, String divergence,
                              String keepAside, List<String> repair) {

    /** The kinds of pull. */
    public enum Kind { UP_TO_DATE, NO_SOURCE_SNAPSHOT, FULL, INCREMENTAL, RESUME, DIVERGED }

    public ReplicationPlan {
        repair = repair == null ? List.of() : List.copyOf(repair);
    }

    public boolean transfers() {
        return kind == Kind.FULL || kind == Kind.INCREMENTAL || kind == Kind.RESUME;
    }
}
