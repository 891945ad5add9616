package org.offops.platform.api;

import jakarta.ws.rs.core.EntityTag;

/** ETag / If-Match on a row version, so two operators cannot overwrite each other's change silently. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version the caller read, from a required If-Match header (428 when absent, 412 when unreadable). */
    public static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(428, "If-Match with the ETag you read is required", "If-Match");
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new ApiException(412, "If-Match does not match the current ETag", "If-Match");
        }
    }

    public static void requireMatch(long expected, long current, String what) {
        if (expected != current) {
            throw new ApiException(412, what + " changed since it was read", "If-Match");
        }
    }
}
