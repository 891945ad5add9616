package org.offops.deploy.domain;

import java.util.Map;

/**
 * How one attempt at a step ended: exit code (null when no command ran or none came back), the output's last
 * lines, an error for people when it failed, and facts the step read from the container (e.g. the previous tag).
 */
public record StepOutcome(boolean ok, Integer exitCode, String outputTail, String error, Map<String, String> facts,
                          long durationMs) {

    public static final int TAIL_CHARS = 4000;

    public StepOutcome {
        outputTail = tail(outputTail == null ? "" : outputTail, TAIL_CHARS);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public static StepOutcome success(Integer exitCode, String output, Map<String, String> facts, long durationMs) {
        return new StepOutcome(true, exitCode, output, null, facts, durationMs);
    }

    public static StepOutcome failure(Integer exitCode, String output, String error, long durationMs) {
        return new StepOutcome(false, exitCode, output, error, Map.of(), durationMs);
    }

    /** The last {@code chars} characters of {@code text}. */
    public static String tail(String text, int chars) {
        return text.length() <= chars ? text : text.substring(text.length() - chars);
    }
}
