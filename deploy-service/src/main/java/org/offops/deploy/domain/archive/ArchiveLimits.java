package org.offops.deploy.domain.archive;

/** How large a release archive may be: entries, and bytes once extracted. */
public record ArchiveLimits(int maxEntries, long maxBytes) {

    public ArchiveLimits {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }
}
