package org.offops.deploy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.offops.deploy.domain.DeployConfig;
import org.offops.deploy.domain.StepOutcome;
import org.offops.deploy.domain.plan.Step;
import org.offops.deploy.store.StepCodec;
import org.offops.deploy.store.StepJournal;
import org.offops.deploy.store.StepRow;

/** Runs a step, journaling each attempt; retryable steps get more attempts with doubling backoff. */
@ApplicationScoped
public class StepAttempts {

    private final StepRunner runner;
    private final StepJournal journal;
    private final StepCodec codec;
    private final DeployConfig config;

    public StepAttempts(StepRunner runner, StepJournal journal, StepCodec codec, DeployConfig config) {
        this.runner = runner;
        this.journal = journal;
        this.codec = codec;
        this.config = config;
    }

    public StepOutcome run(StepContext context, StepRow row) {
        Step step = codec.step(row);
        int attempts = step.kind().retryable() ? Math.max(1, config.attempts()) : 1;
        Duration backoff = config.retryBackoff();
        StepOutcome outcome = null;
        // numbering goes on across a restart, so the timeline shows the re-run as a further attempt
        for (int i = 1; i <= attempts; i++) {
            journal.started(row, row.attempt + 1);
            row.attempt++;
            outcome = runner.run(context, step);
            if (outcome.ok()) {
                journal.completed(row, outcome);
                return outcome;
            }
            journal.failed(row, outcome);
            if (i < attempts) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
        return outcome;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
