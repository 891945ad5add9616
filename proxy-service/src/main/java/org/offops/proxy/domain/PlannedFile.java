package org.offops.proxy.domain;

/** One file of a plan: the rendered {@code content} (null when deleted), its SHA-256 and the diff from the live file. */
public record PlannedFile(String path, FileAction action, String content, String sha256, String diff) {

    public boolean changes() {
        return action != FileAction.UNCHANGED;
    }
}
