package org.offops.deploy.domain.archive;

/** A release archive that must not be extracted; the message names the entry and the rule it breaks. */
public final class ArchiveRefused extends Exception {

    private final String entry;

    public ArchiveRefused(String entry, String reason) {
        super(entry == null ? "archive refused: " + reason : "archive refused: entry '" + entry + "' " + reason);
        this.entry = entry;
    }

    public String entry() {
        return entry;
    }
}
