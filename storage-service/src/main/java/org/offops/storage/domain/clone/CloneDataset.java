package org.offops.storage.domain.clone;

import java.util.Map;

/**
 * One dataset as a clone refresh reads it on the host: its origin snapshot ({@code null} when it is not a clone —
 * offops never renames or destroys such a dataset), its mountpoint, and the properties set on it locally (copied onto
 * the replacement so a refresh keeps them).
 */
public record CloneDataset(String name, String origin, String mountpoint, Map<String, String> localProperties) {

    public CloneDataset {
        origin = origin == null || origin.isBlank() || origin.equals("-") ? null : origin;
        localProperties = Map.copyOf(localProperties == null ? Map.of() : localProperties);
    }

    public boolean isClone() {
        return origin != null;
    }

    public boolean localMountpoint() {
        return localProperties.containsKey("mountpoint");
    }

    /** The origin snapshot's short name (after {@code @}), or null. */
    public String originSnapshotName() {
        return origin == null ? null : origin.substring(origin.indexOf('@') + 1);
    }
}
