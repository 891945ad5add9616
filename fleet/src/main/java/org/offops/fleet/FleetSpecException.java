package org.offops.fleet;

import java.util.List;

/** The fleet file is unreadable or invalid. The message lists every problem, each prefixed with where it is. */
public final class FleetSpecException extends RuntimeException {

    private final List<String> problems;

    public FleetSpecException(String source, List<String> problems) {
        super("invalid fleet file " + source + " (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as "where: what", e.g. {@code containers[3].server: unknown server 'off9'}. */
    public List<String> problems() {
        return problems;
    }
}
