package org.offops.storage.domain.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which snapshots retention destroys, exactly as sanoid 2.1.0's prune_snapshots does — per period, oldest
 * first, a snapshot older than {@code now - count * period} goes while more than {@code count} remain — except that
 * the newest snapshot common to a source and any of its targets, and held snapshots, are never destroyed.
 */
public final class PrunePlanner {

    private PrunePlanner() {
    }

    /**
     * @param history   the dataset's snapshots (any names; only sanoid's autosnap ones are considered)
     * @param protectedNames short names never to destroy: held ones and the newest common to source and targets
     */
    public static PrunePlan plan(SnapshotPolicy policy, List<Snapshot> history, Instant now,
                                 Set<String> protectedNames) {
        List<PruneStep> destroy = new ArrayList<>();
        List<PruneStep> spared = new ArrayList<>();
        if (!policy.autoprune() || policy.processChildrenOnly()) {
            return new PrunePlan(destroy, spared);
        }
        long time = now.getEpochSecond();
        for (Period period : Period.values()) {
            List<Snapshot> sorted = history.stream()
                    .filter(s -> SnapshotName.sanoidType(s.name()).filter(period.label()::equals).isPresent())
                    .sorted(Comparator.comparingLong(Snapshot::creation).thenComparing(Snapshot::name))
                    .toList();
            int keep = policy.count(period);
            double maxAge = time - keep * period.seconds(policy.frequentPeriod());
            int remaining = sorted.size();
            for (Snapshot snap : sorted) {
                if (snap.creation() < maxAge && remaining > keep) {
                    remaining--;
                    if (protectedNames.contains(snap.name())) {
                        spared.add(new PruneStep(snap.name(), period.label(), "held or newest snapshot common to"
                                + " source and target"));
                    } else {
                        destroy.add(new PruneStep(snap.name(), period.label(), "older than " + keep + " "
                                + period.label() + " periods and more than " + keep + " remain"));
                    }
                }
            }
        }
        return new PrunePlan(destroy, spared);
    }

    /** The newest snapshot (by creation) whose name both sides have: what an incremental send starts from. */
    public static Optional<Snapshot> newestCommon(List<Snapshot> source, List<Snapshot> target) {
        Set<String> onTarget = new java.util.HashSet<>();
        target.forEach(s -> onTarget.add(s.name()));
        return source.stream().filter(s -> onTarget.contains(s.name())).max(Comparator.comparingLong(Snapshot::creation));
    }
}
