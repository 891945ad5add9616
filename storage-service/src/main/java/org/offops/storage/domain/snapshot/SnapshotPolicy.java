package org.offops.storage.domain.snapshot;

import java.util.EnumMap;
import java.util.Map;

/** What sanoid keeps of one dataset: counts per period, and whether it snapshots, prunes and recurses. */
public record SnapshotPolicy(int frequentPeriod, Map<Period, Integer> counts, boolean autosnap, boolean autoprune,
                             boolean recursive, boolean processChildrenOnly) {

    public SnapshotPolicy {
        EnumMap<Period, Integer> all = new EnumMap<>(Period.class);
        for (Period p : Period.values()) {
            all.put(p, counts.getOrDefault(p, 0));
        }
        counts = Map.copyOf(all);
    }

    /** sanoid.defaults.conf's template_default: frequent_period 15, hourly 48, daily 90, monthly 6. */
    public static SnapshotPolicy sanoidDefaults() {
        return new SnapshotPolicy(15, Map.of(Period.HOURLY, 48, Period.DAILY, 90, Period.MONTHLY, 6), true, true,
                false, false);
    }

    /** The production {@code local_data} template: frequent_period 30, hourly 36, daily 30, monthly 3. */
    public static SnapshotPolicy localData() {
        return new SnapshotPolicy(30, Map.of(Period.HOURLY, 36, Period.DAILY, 30, Period.MONTHLY, 3), true, true,
                true, false);
    }

    public int count(Period period) {
        return counts.get(period);
    }

    /** What a dataset inherits from a recursive section: everything but the recursion flags themselves. */
    public SnapshotPolicy withChildFlags() {
        return new SnapshotPolicy(frequentPeriod, counts, autosnap, autoprune, false, false);
    }

    public SnapshotPolicy withAutosnap(boolean on) {
        return new SnapshotPolicy(frequentPeriod, counts, on, autoprune, recursive, processChildrenOnly);
    }
}
