package org.offops.storage.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.offops.storage.domain.snapshot.Period;
import org.offops.testkit.fleet.FleetBox;

/** Snapshots by (dataset, period, slot): the unit the scheduler must take exactly once; and a host's snapshots. */
final class SnapshotsBySlot {

    /** One slot of one period of one dataset, e.g. {@code rpool/off/products frequently 2026-11-27T09:14:00Z}. */
    record Slot(String dataset, Period period, Instant start) implements Comparable<Slot> {
        @Override
        public int compareTo(Slot o) {
            return toString().compareTo(o.toString());
        }
    }

    private SnapshotsBySlot() {
    }

    /** Every snapshot of {@code host} as {@code dataset@name}. */
    static Set<String> names(FleetBox box, String host) {
        String out = box.exec(host, "/usr/local/sbin/zfs list -H -t snapshot -o name").orThrow().stdout();
        return new TreeSet<>(out.lines().filter(l -> l.contains("@")).toList());
    }

    /** The slots that hold more (or other) than one snapshot: empty when each was taken exactly once. */
    static Map<Slot, List<String>> notExactlyOnce(Map<Slot, List<String>> slots) {
        Map<Slot, List<String>> wrong = new TreeMap<>();
        slots.forEach((slot, names) -> {
            if (names.size() != 1) {
                wrong.put(slot, names);
            }
        });
        return wrong;
    }
}
