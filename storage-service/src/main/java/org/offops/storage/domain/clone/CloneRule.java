package org.offops.storage.domain.clone;

/**
 * A staging clone rule: {@code cloneDataset} follows the newest snapshot of {@code period} on {@code origin} (a replica on
 * the same server and pool). A refresh works through {@code <cloneDataset>_new} and {@code <cloneDataset>_old}.
 */
public record CloneRule(String origin, String cloneDataset, String period) {

    /** Where a refresh builds the replacement clone before swapping it in. */
    public String fresh() {
        return cloneDataset + "_new";
    }

    /** Where the replaced clone waits, between the swap and its destruction. */
    public String aside() {
        return cloneDataset + "_old";
    }

    /** True for a sanoid snapshot name of this rule's period ({@code autosnap_…_daily}). */
    public boolean follows(String snapshot) {
        return snapshot.startsWith("autosnap_") && snapshot.endsWith("_" + period);
    }
}
