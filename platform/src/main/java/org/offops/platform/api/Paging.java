package org.offops.platform.api;

/** Validated offset/limit query parameters shared by every list endpoint. */
public record Paging(int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public static Paging of(int offset, int limit) {
        if (offset < 0) {
            throw ApiException.badRequest("offset must be >= 0", "offset");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT, "limit");
        }
        return new Paging(offset, limit);
    }

    public int last() {
        return offset + limit - 1;
    }
}
