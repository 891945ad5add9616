package org.offops.deploy.store;

/** The states of a step row. */
public final class StepStates {

    public static final String PENDING = "PENDING";
    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    private StepStates() {
    }
}
