package org.offops.storage.domain.clone;

import java.util.List;

/**
 * What a refresh of one clone does: nothing (up to date, no snapshot of the period yet, in use by a running
 * container, or refused), a first CREATE, a REFRESH from a newer snapshot, or a RECOVER that finishes what a cut
 * refresh left. {@code target} is the origin snapshot the clone follows after the plan, {@code previous} its
 * origin before.
 */
public record ClonePlan(Kind kind, String cloneDataset, String target, String previous, List<CloneStep> steps,
                        String note) {

    /** The kinds of plan; only CREATE, REFRESH and RECOVER have steps. */
    public enum Kind { UP_TO_DATE, NO_SNAPSHOT, IN_USE, REFUSED, CREATE, REFRESH, RECOVER }

    public ClonePlan {
        steps = List.copyOf(steps);
    }

    public boolean changes() {
        return !steps.isEmpty();
    }

    public List<String> lines() {
        return steps.stream().map(CloneStep::line).toList();
    }
}
