package org.offops.storage.domain.clone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Plans one staging-clone refresh from what the host holds (a pure function). The replacement is cloned before the
 * old clone is touched, the swap is two renames, and only the replaced clone is destroyed — never a snapshot, never a
 * dataset that is not a clone. Leftovers of a cut refresh ({@code _new}, {@code _old}) are finished first, so every
 * interruption is repaired by the next run.
 */
public final class CloneRefreshPlanner {

    /** A local mountpoint is parked here on the replacement until the old clone has released it. */
    static final String PARKED = ".offops-new";

    private CloneRefreshPlanner() {
    }

    public static ClonePlan plan(CloneRule rule, CloneState state) {
        for (CloneDataset d : present(state.current(), state.fresh(), state.aside())) {
            if (!d.isClone()) {
                return new ClonePlan(ClonePlan.Kind.REFUSED, rule.cloneDataset(), null, null, List.of(), d.name()
                        + " exists and is not a clone: offops never renames or destroys it");
            }
        }
        CloneDataset cur = state.current();
        CloneDataset fresh = state.fresh();
        CloneDataset aside = state.aside();
        String previous = present(cur, aside, fresh).stream().findFirst().map(CloneDataset::origin).orElse(null);
        String newest = state.originSnapshots().stream().filter(rule::follows).reduce((a, b) -> b).orElse(null);
        if (newest == null) {
            return new ClonePlan(ClonePlan.Kind.NO_SNAPSHOT, rule.cloneDataset(), null, previous, List.of(),
                    "no " + rule.period() + " snapshot on " + rule.origin() + " yet");
        }
        String target = rule.origin() + "@" + newest;
        List<CloneStep> steps = new ArrayList<>();
        if (cur == null && (fresh != null || aside != null)) {
            // cut between the two renames (or the replacement was lost): a clone goes back to the name first
            CloneDataset back = fresh != null ? fresh : aside;
            steps.add(CloneStep.rename(back.name(), rule.cloneDataset(), "a cut refresh left no clone at the name: put "
                    + (back == fresh ? "the replacement" : "the old clone") + " back"));
            cur = new CloneDataset(rule.cloneDataset(), back.origin(), back.mountpoint(), back.localProperties());
            fresh = back == fresh ? null : fresh;
            aside = back == aside ? null : aside;
        }
        if (aside != null) {
            steps.add(CloneStep.destroy(aside.name(), "the clone a cut refresh replaced"));
        }
        ClonePlan.Kind kind;
        if (cur == null) {
            steps.add(new CloneStep(CloneStep.Action.CLONE, List.of("clone", "-p", target, rule.cloneDataset()),
                    "first clone of " + target));
            kind = ClonePlan.Kind.CREATE;
        } else if (target.equals(cur.origin())) {
            if (fresh != null) {
                steps.add(CloneStep.destroy(fresh.name(), "a replacement that is no longer needed"));
            }
            if (cur.localMountpoint() && cur.mountpoint().endsWith(PARKED)) {
                steps.add(CloneStep.setMountpoint(rule.cloneDataset(), unparked(cur.mountpoint())));
            }
            kind = steps.isEmpty() ? ClonePlan.Kind.UP_TO_DATE : ClonePlan.Kind.RECOVER;
        } else {
            if (fresh != null && !target.equals(fresh.origin())) {
                steps.add(CloneStep.destroy(fresh.name(), "a replacement from an older snapshot"));
                fresh = null;
            }
            if (fresh == null) {
                steps.add(new CloneStep(CloneStep.Action.CLONE, cloneArgs(cur, target, rule.fresh()),
                        "the replacement, from " + target + ", before the old clone is touched"));
            }
            steps.add(CloneStep.rename(rule.cloneDataset(), rule.aside(), "the old clone steps aside (kept until the swap is done)"));
            steps.add(CloneStep.rename(rule.fresh(), rule.cloneDataset(), "the replacement takes the name"));
            steps.add(CloneStep.destroy(rule.aside(), "the old clone (its snapshots of origin are untouched)"));
            if (cur.localMountpoint()) {
                steps.add(CloneStep.setMountpoint(rule.cloneDataset(), unparked(cur.mountpoint())));
            }
            kind = ClonePlan.Kind.REFRESH;
        }
        List<Integer> users = runningUsers(state);
        if (!users.isEmpty() && steps.stream().anyMatch(s -> s.action() != CloneStep.Action.CLONE)) {
            return new ClonePlan(ClonePlan.Kind.IN_USE, rule.cloneDataset(), target, previous, List.of(),
                    rule.cloneDataset() + " is bind-mounted into running container(s) " + users + ": stop them (or remove"
                            + " the mount point), then refresh; deferred: " + steps.stream().map(CloneStep::line)
                            .toList());
        }
        return new ClonePlan(kind, rule.cloneDataset(), target, previous, steps, null);
    }

    private static List<String> cloneArgs(CloneDataset current, String target, String name) {
        Map<String, String> props = new TreeMap<>(current.localProperties());
        if (current.localMountpoint()) {
            props.put("mountpoint", unparked(current.mountpoint()) + PARKED); // the old clone still holds it
        }
        List<String> args = new ArrayList<>(List.of("clone"));
        props.forEach((k, v) -> args.addAll(List.of("-o", k + "=" + v)));
        args.addAll(List.of(target, name));
        return args;
    }

    private static List<Integer> runningUsers(CloneState state) {
        List<String> mountpoints = present(state.current(), state.fresh(), state.aside()).stream()
                .map(CloneDataset::mountpoint).toList();
        return state.mounts().stream().filter(ContainerMount::running)
                .filter(m -> mountpoints.stream().anyMatch(m::shows)).map(ContainerMount::vmid).distinct().toList();
    }

    private static String unparked(String mountpoint) {
        return mountpoint.endsWith(PARKED) ? mountpoint.substring(0, mountpoint.length() - PARKED.length())
                : mountpoint;
    }

    private static List<CloneDataset> present(CloneDataset... datasets) {
        return Stream.of(datasets).filter(Objects::nonNull).toList();
    }
}
