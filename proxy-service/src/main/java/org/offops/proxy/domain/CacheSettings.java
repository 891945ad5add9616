package org.offops.proxy.domain;

/**
 * How long the proxy keeps responses: small static assets ({@code staticSeconds}, keyed on host + URI) and
 * {@code /api/} answers ({@code apiSeconds}, keyed on host + URI + the user cookie so logged-in users never share).
 * Zero turns that cache off.
 */
public record CacheSettings(int staticSeconds, int apiSeconds) {

    /** Production's values: 5 minutes for assets, 5 seconds for the API. */
    public static CacheSettings production() {
        return new CacheSettings(300, 5);
    }

    public static CacheSettings off() {
        return new CacheSettings(0, 0);
    }
}
