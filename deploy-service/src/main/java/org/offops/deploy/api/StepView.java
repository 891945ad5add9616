package org.offops.deploy.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.offops.deploy.store.StepRow;

/** One step on a deployment's timeline, with its duration once it ended. */
public record StepView(String phase, int seq, String name, String kind, String state, int attempt,
                       OffsetDateTime startedAt, OffsetDateTime endedAt, Long durationMs, Integer exitCode,
                       String outputTail) {

    static StepView of(StepRow row) {
        Long duration = row.startedAt == null || row.endedAt == null ? null
                : Duration.between(row.startedAt, row.endedAt).toMillis();
        return new StepView(row.phase, row.seq, row.name, row.kind, row.state, row.attempt, row.startedAt,
                row.endedAt, duration, row.exitCode, row.outputTail);
    }
}
