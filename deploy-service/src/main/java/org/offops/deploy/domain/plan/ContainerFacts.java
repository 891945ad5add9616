package org.offops.deploy.domain.plan;

import java.util.List;

/**
 * A container as the fleet view knows it: where to reach it and which units it runs ({@code name@} declares a
 * template, every instance of which exists).
 */
public record ContainerFacts(String name, String flavor, String server, String address, int port, String hostKey,
                             List<String> services) {

    public ContainerFacts {
        services = List.copyOf(services);
    }

    /** Whether the container runs {@code unit} (itself, or as an instance of a template it lists). */
    public boolean runs(String unit) {
        if (services.contains(unit)) {
            return true;
        }
        int at = unit.indexOf('@');
        return at > 0 && services.contains(unit.substring(0, at + 1));
    }
}
