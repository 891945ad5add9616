package org.offops.proxy.domain;

/** A file on {@code host} that differs from what offops applied: hashes (actual null when deleted) and the diff. */
public record FileDrift(String host, String path, String site, String expectedSha256, String actualSha256,
                        String diff) {
}
