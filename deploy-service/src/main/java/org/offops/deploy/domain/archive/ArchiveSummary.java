package org.offops.deploy.domain.archive;

/** What a checked archive holds: its entry count and extracted size. */
public record ArchiveSummary(int entries, long bytes) {
}
