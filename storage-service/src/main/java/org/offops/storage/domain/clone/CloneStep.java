package org.offops.storage.domain.clone;

import java.util.List;

/** One zfs call of a clone plan ({@code args} after the program), with why it is there. */
public record CloneStep(Action action, List<String> args, String why) {

    /** What a step does; only DESTROY removes anything, and only a clone. */
    public enum Action { CLONE, RENAME, DESTROY, SET }

    public CloneStep {
        args = List.copyOf(args);
    }

    static CloneStep rename(String from, String to, String why) {
        return new CloneStep(Action.RENAME, List.of("rename", from, to), why);
    }

    static CloneStep destroy(String clone, String why) {
        return new CloneStep(Action.DESTROY, List.of("destroy", clone), why);
    }

    static CloneStep setMountpoint(String clone, String mountpoint) {
        return new CloneStep(Action.SET, List.of("set", "mountpoint=" + mountpoint, clone),
                "the clone's own mountpoint, released by the old clone");
    }

    /** The command as an operator would type it (for plans and dry runs; execution never goes through a shell). */
    public String line() {
        return "zfs " + String.join(" ", args);
    }
}
