package org.offops.storage.domain.mount;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides how to bind-mount a host path into a container, given its current mpN entries: adopt an identical one,
 * else the lowest free slot that keeps every outer path in a lower slot than any path inside it (Proxmox mounts in
 * slot order: an outer mount applied later would cover the inner one), re-slotting the inner mounts when no free
 * slot fits. Pure: the caller reads the container and applies the plan.
 */
public final class MountPlanner {

    static final int SLOTS = 256;

    private MountPlanner() {
    }

    public static MountPlan add(List<MountPoint> current, String hostPath, String containerPath, boolean running) {
        List<MountProblem> problems = new ArrayList<>();
        MountPaths.problem(hostPath).ifPresent(p -> problems.add(MountProblem.invalid("hostPath", "host path " + p)));
        MountPaths.problem(containerPath).ifPresent(p -> problems.add(MountProblem.invalid("containerPath",
                "container path " + p)));
        if (!problems.isEmpty()) {
            return MountPlan.refused(problems);
        }
        Optional<MountPoint> same = current.stream().filter(m -> m.containerPath().equals(containerPath)).findFirst();
        if (same.isPresent()) {
            MountPoint m = same.get();
            return m.sameHostPath(hostPath)
                    ? MountPlan.unchanged(m.slot(), m.key() + " already mounts " + hostPath + " at " + containerPath)
                    : MountPlan.refused(MountProblem.conflict("containerPath", "container path " + containerPath
                    + " is already used by " + m.key() + " for " + m.hostPath()));
        }
        int outerMax = current.stream().filter(m -> MountPaths.inside(containerPath, m.containerPath()))
                .mapToInt(MountPoint::slot).max().orElse(-1);
        List<MountPoint> inner = current.stream().filter(m -> MountPaths.inside(m.containerPath(), containerPath))
                .toList();
        int innerMin = inner.stream().mapToInt(MountPoint::slot).min().orElse(SLOTS);
        Set<Integer> used = current.stream().map(MountPoint::slot).collect(Collectors.toSet());
        Optional<Integer> fits = free(used, outerMax, innerMin);
        MountPoint wanted = new MountPoint(-1, hostPath, containerPath, "");
        if (fits.isPresent()) {
            return change(List.of(wanted.atSlot(fits.get())), fits.get(), running, List.of());
        }
        Optional<Integer> spare = free(used, outerMax, SLOTS);
        if (spare.isEmpty()) {
            return MountPlan.refused(MountProblem.conflict("container", "no free mount point slot after mp" + outerMax
                    + " (Proxmox allows mp0..mp" + (SLOTS - 1) + ")"));
        }
        return Reslot.around(wanted, inner, spare.get(), outerMax, running);
    }

    /** Removes the mount at {@code containerPath} if it still mounts {@code hostPath}; absent is already done. */
    public static MountPlan remove(List<MountPoint> current, String hostPath, String containerPath, boolean running) {
        Optional<MountPoint> found = current.stream().filter(m -> m.containerPath().equals(containerPath))
                .findFirst();
        if (found.isEmpty()) {
            return new MountPlan(MountPlan.Outcome.UNCHANGED, null, List.of(), List.of(), false,
                    List.of("no mount point at " + containerPath + " any more"), List.of());
        }
        MountPoint m = found.get();
        if (!m.sameHostPath(hostPath)) {
            return MountPlan.refused(MountProblem.conflict("id", m.key() + " at " + containerPath + " now mounts "
                    + m.hostPath() + ", not " + hostPath + "; offops leaves it alone"));
        }
        List<String> notes = running ? List.of("the container runs: Proxmox keeps removing " + m.key()
                + " pending until the container restarts") : List.of();
        return new MountPlan(MountPlan.Outcome.CHANGE, m.slot(), List.of(), List.of(m.slot()), running, notes,
                List.of());
    }

    static MountPlan change(List<MountPoint> set, int slot, boolean running, List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        if (running) {
            all.add("the container runs: Proxmox writes bind mount points to its config but mounts them only"
                    + " when the container (re)starts, so it needs a reboot");
        }
        List<MountPoint> sorted = set.stream().sorted(Comparator.comparingInt(MountPoint::slot)).toList();
        return new MountPlan(MountPlan.Outcome.CHANGE, slot, sorted, List.of(), running, all, List.of());
    }

    /** The lowest slot strictly between {@code after} and {@code before} that no mount uses. */
    static Optional<Integer> free(Set<Integer> used, int after, int before) {
        for (int s = after + 1; s < Math.min(before, SLOTS); s++) {
            if (!used.contains(s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
