package org.offops.storage.conformance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.Snapshot;
import org.offops.storage.domain.snapshot.SnapshotName;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

/**
 * Seeded snapshot histories for the sanoid conformance test: regular runs, snapshots exactly on (and one second
 * around) the retention boundary, missed runs, clock jumps (future creation, names that disagree with creation) and
 * foreign snapshots. Creation times sit on a grid so the stand-in can create them in few faketime calls.
 */
final class HistoryGenerator {

    /** One generated dataset history and the policy it is pruned with. */
    record History(String dataset, String kind, SnapshotPolicy policy, List<Snapshot> snapshots) {
    }

    private static final long[] JITTER = {0, 1, 59, 600};
    private static final String[] KINDS = {"regular", "boundary", "missed-runs", "clock-jump", "random"};

    private final Random random;
    private final Instant now;

    HistoryGenerator(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    History next(int index) {
        String kind = KINDS[index % KINDS.length];
        SnapshotPolicy policy = policy(index);
        List<Snapshot> snaps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> typeTimes = new HashSet<>();
        for (Period period : Period.values()) {
            long seconds = (long) period.seconds(policy.frequentPeriod());
            int count = policy.count(period);
            int n = random.nextInt(count + 5);
            for (int k = 0; k < n; k++) {
                long ago = switch (kind) {
                    case "boundary" -> k == 0 ? count * seconds + (random.nextInt(3) - 1) : k * seconds;
                    case "missed-runs" -> (k + random.nextInt(3) * k) * seconds;
                    case "clock-jump" -> k == 0 ? -seconds * (1 + random.nextInt(2)) : k * seconds;
                    case "random" -> random.nextInt(count * 2 + 3) * seconds;
                    default -> k * seconds;
                };
                long creation = now.getEpochSecond() - ago - JITTER[random.nextInt(JITTER.length)];
                // sanoid sorts ties in hash order: keep creation times unique within a period
                if (!typeTimes.add(period + "@" + creation)) {
                    continue;
                }
                long nameTime = kind.equals("clock-jump") && random.nextBoolean() ? creation + 7200 : creation;
                String name = new SnapshotName(Instant.ofEpochSecond(nameTime), period).format();
                if (names.add(name)) {
                    snaps.add(new Snapshot(name, creation));
                }
            }
        }
        if (index % 7 == 0) {
            snaps.add(new Snapshot("vzdump", now.getEpochSecond() - 86400 * 400L));
        }
        return new History("rpool/h" + index, kind, policy, snaps);
    }

    private SnapshotPolicy policy(int index) {
        Map<Period, Integer> counts = new EnumMap<>(Period.class);
        counts.put(Period.FREQUENTLY, random.nextInt(5));
        counts.put(Period.HOURLY, random.nextInt(9));
        counts.put(Period.DAILY, random.nextInt(7));
        counts.put(Period.WEEKLY, random.nextInt(3));
        counts.put(Period.MONTHLY, random.nextInt(4));
        counts.put(Period.YEARLY, random.nextInt(3));
        int[] frequent = {15, 30, 60};
        boolean autoprune = index % 23 != 5;
        return new SnapshotPolicy(frequent[random.nextInt(3)], counts, false, autoprune, false, false);
    }
}
