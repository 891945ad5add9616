package org.offops.storage.domain.mount;

import java.util.List;

/**
 * What to do to a container's mount points: nothing (already as wanted), a change ({@code set} these mpN values
 * and {@code delete} these slots in one {@code pct set}), or a refusal with its problems. {@code slot} is where the
 * wanted mount is (or will be); {@code notes} say why slots moved and why a reboot is needed.
 */
public record MountPlan(Outcome outcome, Integer slot, List<MountPoint> set, List<Integer> delete,
                        boolean rebootRequired, List<String> notes, List<MountProblem> problems) {

    /** The three possible answers. */
    public enum Outcome { UNCHANGED, CHANGE, REFUSED }

    public MountPlan {
        set = List.copyOf(set);
        delete = List.copyOf(delete);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    static MountPlan unchanged(int slot, String note) {
        return new MountPlan(Outcome.UNCHANGED, slot, List.of(), List.of(), false, List.of(note), List.of());
    }

    static MountPlan refused(List<MountProblem> problems) {
        return new MountPlan(Outcome.REFUSED, null, List.of(), List.of(), false, List.of(), problems);
    }

    static MountPlan refused(MountProblem problem) {
        return refused(List.of(problem));
    }

    public String slotKey() {
        return slot == null ? null : "mp" + slot;
    }
}
