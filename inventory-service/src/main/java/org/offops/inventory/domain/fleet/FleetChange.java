package org.offops.inventory.domain.fleet;

/**
 * One line of an import plan: what happens to one datacenter, flavor, server or container.
 * {@code before}/{@code after} are the full states (null when absent), so a dry run shows exactly what would change.
 */
public record FleetChange(String kind, String name, Action action, Object before, Object after) {

    /** What the import does with an entry. */
    public enum Action {
        CREATE, UPDATE, UNCHANGED, NOT_IN_FILE
    }
}
