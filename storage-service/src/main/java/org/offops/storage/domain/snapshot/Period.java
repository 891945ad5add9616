package org.offops.storage.domain.snapshot;

import java.util.Optional;

/** sanoid's snapshot periods, with the length sanoid uses for retention ages. */
public enum Period {
    FREQUENTLY("frequently"), HOURLY("hourly"), DAILY("daily"), WEEKLY("weekly"), MONTHLY("monthly"),
    YEARLY("yearly");

    private final String label;

    Period(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Seconds per period; {@code frequently} depends on the policy's frequent_period (minutes). */
    public double seconds(int frequentPeriodMinutes) {
        return switch (this) {
            case FREQUENTLY -> 60.0 * frequentPeriodMinutes;
            case HOURLY -> 3600;
            case DAILY -> 86400;
            case WEEKLY -> 86400 * 7;
            case MONTHLY -> 86400 * 31;
            case YEARLY -> 86400 * 365.25;
        };
    }

    public static Optional<Period> ofLabel(String label) {
        for (Period p : values()) {
            if (p.label.equals(label)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
