package org.offops.storage.domain.replication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.offops.storage.domain.route.DatasetRef;

/**
 * Decides a route's next pull with syncoid's semantics (full the first time, then incremental from the newest
 * common snapshot, resume when a token is left) and refuses, with a repair plan, every case where syncoid would
 * have to destroy data on the target: no common snapshot, target snapshots newer than the common one, or data written
 * on the target since its newest snapshot.
 */
public final class ReplicationPlanner {

    private ReplicationPlanner() {
    }

    /** @param stamp a UTC stamp (yyyyMMddHHmmss) naming the copy a repair keeps aside */
    public static ReplicationPlan plan(DatasetRef source, DatasetState onSource, DatasetRef target,
                                       DatasetState onTarget, String pull, String stamp) {
        List<ReplicaSnapshot> src = onSource.snapshots();
        if (onTarget.resumable()) {
            return new ReplicationPlan(ReplicationPlan.Kind.RESUME, null, newest(src), onTarget.resumeToken(),
                    null, null, List.of());
        }
        if (src.isEmpty()) {
            return new ReplicationPlan(ReplicationPlan.Kind.NO_SOURCE_SNAPSHOT, null, null, null, null, null,
                    List.of());
        }
        String newest = newest(src);
        if (!onTarget.exists()) {
            return new ReplicationPlan(ReplicationPlan.Kind.FULL, null, newest, null, null, null, List.of());
        }
        Optional<ReplicaSnapshot> common = newestCommon(src, onTarget.snapshots());
        String aside = target.dataset() + "_diverged_" + stamp;
        if (common.isEmpty()) {
            String why = onTarget.snapshots().isEmpty() ? "target exists without snapshots"
                    : "no common snapshot: the target's " + onTarget.snapshots().size()
                    + " snapshots share no guid with the source's";
            return new ReplicationPlan(ReplicationPlan.Kind.DIVERGED, null, newest, null, why, aside, List.of(
                    "on " + target.server() + ": zfs rename " + target.dataset() + " " + aside
                            + "   # keeps the diverged copy; destroy it yourself once checked",
                    "on " + target.server() + ": " + pull + "   # full send of " + source + "@" + newest));
        }
        List<String> targetOnly = newerThan(onTarget.snapshots(), common.get(), src);
        if (!targetOnly.isEmpty()) {
            return new ReplicationPlan(ReplicationPlan.Kind.DIVERGED, common.get().name(), newest, null,
                    "target has snapshots newer than the common " + common.get().name() + " that the source lacks: "
                            + targetOnly, aside, List.of(
                    "on " + target.server() + ": zfs rename " + target.dataset() + " " + aside
                            + "   # keeps the diverged copy (alternative, destroys it: zfs rollback -r "
                            + target.dataset() + "@" + common.get().name() + ")",
                    "on " + target.server() + ": " + pull + "   # full send of " + source + "@" + newest));
        }
        if (onTarget.written() > 0) {
            String since = newest(onTarget.snapshots());
            return new ReplicationPlan(ReplicationPlan.Kind.DIVERGED, common.get().name(), newest, null,
                    "target modified: " + onTarget.written() + " bytes written since " + since
                            + " (syncoid's receive -F would roll them back)", aside, List.of(
                    "on " + target.server() + ": zfs rename " + target.dataset() + " " + aside
                            + "   # keeps the written data (alternative, discards it: zfs rollback "
                            + target.dataset() + "@" + since + ")",
                    "on " + target.server() + ": " + pull + "   # full send of " + source + "@" + newest));
        }
        if (common.get().name().equals(newest)) {
            return new ReplicationPlan(ReplicationPlan.Kind.UP_TO_DATE, newest, newest, null, null, null,
                    List.of());
        }
        return new ReplicationPlan(ReplicationPlan.Kind.INCREMENTAL, common.get().name(), newest, null, null, null,
                List.of());
    }

    /** The newest target snapshot whose guid the source also holds. */
    public static Optional<ReplicaSnapshot> newestCommon(List<ReplicaSnapshot> source, List<ReplicaSnapshot> target) {
        Map<Long, ReplicaSnapshot> byGuid = new HashMap<>();
        source.forEach(s -> byGuid.put(s.guid(), s));
        ReplicaSnapshot found = null;
        for (ReplicaSnapshot t : target) {
            if (byGuid.containsKey(t.guid()) && (found == null || t.creation() >= found.creation())) {
                found = t;
            }
        }
        return Optional.ofNullable(found);
    }

    private static List<String> newerThan(List<ReplicaSnapshot> target, ReplicaSnapshot common,
                                          List<ReplicaSnapshot> source) {
        List<Long> sourceGuids = source.stream().map(ReplicaSnapshot::guid).toList();
        List<String> names = new ArrayList<>();
        for (ReplicaSnapshot t : target) {
            if (t.creation() > common.creation() && !sourceGuids.contains(t.guid())) {
                names.add(t.name());
            }
        }
        return names;
    }

    private static String newest(List<ReplicaSnapshot> snapshots) {
        return snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1).name();
    }
}
