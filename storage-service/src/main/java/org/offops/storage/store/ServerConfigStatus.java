package org.offops.storage.store;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A server's sanoid.conf / syncoid-args.conf as the model renders them now, the change last committed to git for it
 * (null before the first), and how many staged changes still wait for git (with the last error when one failed).
 */
public record ServerConfigStatus(String server, Map<String, String> files, Recorded recorded, long pending,
                                 String lastError) {

    /** The newest change of this server that has a commit in the infrastructure repository. */
    public record Recorded(String commitId, OffsetDateTime recordedAt, String changeId, String change, String actor) {
    }

    static ServerConfigStatus of(String server, Map<String, String> files) {
        Recorded recorded = ServerConfigRecord.lastRecorded(server).map(r -> new Recorded(r.commitId, r.recordedAt,
                r.changeId.toString(), r.description, r.actor)).orElse(null);
        long pending = ServerConfigRecord.count("server = ?1 and state = ?2", server, ServerConfigRecord.PENDING);
        String lastError = ServerConfigRecord.<ServerConfigRecord>find("server = ?1 and state = ?2 and lastError is not null"
                + " order by id", server, ServerConfigRecord.PENDING).firstResultOptional().map(r -> r.lastError).orElse(null);
        return new ServerConfigStatus(server, files, recorded, pending, lastError);
    }
}
