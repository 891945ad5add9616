package org.offops.proxy.domain;

/**
 * Per-client request rate for a site's pages ({@code limit_req}); {@code dryRun} only counts what would be refused,
 * as production does while the limits are being tuned. Refused requests get status 444.
 */
public record RateLimit(int perMinute, int burst, boolean dryRun) {

    public static RateLimit production() {
        return new RateLimit(240, 120, true);
    }
}
