package org.offops.deploy.domain;

/**
 * What a step does. {@code retryable}: a failed attempt may simply be tried again (network-bound, read-only or
 * self-contained). {@code rerunnable}: a step cut short by a crash may run again from scratch; a crash in any
 * other step rolls the container back instead.
 */
public enum StepKind {
    DOWNLOAD_ASSET(true, true),
    GIT_STATUS_CLEAN(false, true),
    FETCH(true, true),
    CHECKOUT(false, true),
    VERIFY_LAYOUT(false, true),
    BUILD(false, false),
    UPLOAD_STATIC(true, true),
    SWITCH_STATIC(false, true),
    RESTART(false, true),
    HEALTH(true, true),
    PRUNE_RELEASES(false, true);

    private final boolean retryable;
    private final boolean rerunnable;

    StepKind(boolean retryable, boolean rerunnable) {
        this.retryable = retryable;
        this.rerunnable = rerunnable;
    }

    public boolean retryable() {
        return retryable;
    }

    public boolean rerunnable() {
        return rerunnable;
    }

    /** Whether the step changes the container: a failure after one of these needs a rollback. */
    public boolean changesContainer() {
        return this != DOWNLOAD_ASSET && this != GIT_STATUS_CLEAN && this != FETCH && this != VERIFY_LAYOUT
                && this != HEALTH;
    }
}
