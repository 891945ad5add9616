package org.offops.proxy.exec;

/**
 * What the host said about a pushed configuration: applied (with a warning when only fail2ban's reload failed), or
 * refused with the tool's own words in {@code message}.
 */
public record ApplyOutcome(boolean applied, String message) {

    static ApplyOutcome ok() {
        return new ApplyOutcome(true, null);
    }

    static ApplyOutcome refused(String why) {
        return new ApplyOutcome(false, why);
    }
}
