package org.offops.storage.domain.mount;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The re-slotting step of {@link MountPlanner}: a new outer mount takes the lowest of its inner mounts' slots and
 * the inner mounts shift up through those slots plus one spare, keeping their own order (parents before children),
 * so no slot is left empty and one {@code pct set} does it.
 */
final class Reslot {

    private Reslot() {
    }

    static MountPlan around(MountPoint wanted, List<MountPoint> inner, int spare, int outerMax, boolean running) {
        TreeSet<Integer> pool = new TreeSet<>();
        inner.forEach(m -> pool.add(m.slot()));
        pool.add(spare);
        if (pool.first() <= outerMax) {
            return MountPlan.refused(MountProblem.conflict("container", "the container's mount points are already out"
                    + " of order (mp" + pool.first() + " is inside a mount applied after it, mp" + outerMax
                    + "); fix them before adding " + wanted.containerPath()));
        }
        List<MountPoint> order = new ArrayList<>();
        order.add(wanted);
        order.addAll(parentsFirst(inner));
        List<MountPoint> set = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Integer> slots = new ArrayList<>(pool);
        for (int i = 0; i < order.size(); i++) {
            MountPoint m = order.get(i);
            int slot = slots.get(i);
            if (m.slot() != slot) {
                set.add(m.atSlot(slot));
                if (m != wanted) {
                    notes.add("re-slotted " + m + " to mp" + slot + ": it is inside " + wanted.containerPath()
                            + ", which must be mounted first");
                }
            }
        }
        return MountPlanner.change(set, slots.get(0), running, notes);
    }

    /** Current slot order, except that a mount never comes before one it lies inside. */
    static List<MountPoint> parentsFirst(List<MountPoint> mounts) {
        List<MountPoint> left = new ArrayList<>(mounts);
        left.sort(Comparator.comparingInt(MountPoint::slot));
        List<MountPoint> order = new ArrayList<>();
        while (!left.isEmpty()) {
            MountPoint next = left.stream()
                    .filter(m -> left.stream().noneMatch(o -> MountPaths.inside(m.containerPath(), o.containerPath())))
                    .findFirst().orElseThrow();
            order.add(next);
            left.remove(next);
        }
        return order;
    }
}
