package org.offops.inventory.api;

import java.util.List;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ServerState;
import org.offops.fleet.FleetSpec;
import org.offops.fleet.FleetSpecException;
import org.offops.fleet.FleetSpecReader;
import org.offops.inventory.domain.Datacenter;
import org.offops.inventory.domain.Flavor;
import org.offops.inventory.domain.fleet.FleetModel;
import org.offops.platform.api.ApiException;

/** Reads a fleet file (deploy/fleet/*.yaml) into the part of the fleet the inventory owns. */
final class FleetFiles {

    /** Fleet files give SSH addresses; hosts listen on the standard port. */
    private static final int SSH_PORT = 22;

    private FleetFiles() {
    }

    static FleetModel read(String yaml) {
        FleetSpec spec;
        try {
            spec = FleetSpecReader.parse(yaml == null ? "" : yaml, "request body");
        } catch (FleetSpecException e) {
            throw ApiException.badRequest(String.join("; ", e.problems()), "body");
        }
        return new FleetModel(
                spec.datacenters().stream().map(d -> new Datacenter(d.name(), d.description())).toList(),
                spec.flavors().stream().map(f -> new Flavor(f.name(), f.repository(), f.code(), f.staticPath(),
                        f.domains(), f.platform())).toList(),
                spec.servers().stream().map(s -> new ServerState(s.name(), s.datacenter(), s.ssh(), SSH_PORT, null,
                        s.role())).toList(),
                spec.containers().stream().map(c -> new ContainerState(c.vmid(), c.name(), c.server(), c.kind(),
                        c.flavor(), c.ip(), c.ssh(), SSH_PORT, List.copyOf(c.services()), null)).toList());
    }
}
