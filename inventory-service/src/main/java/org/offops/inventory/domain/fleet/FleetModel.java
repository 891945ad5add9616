package org.offops.inventory.domain.fleet;

import java.util.List;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ServerState;
import org.offops.inventory.domain.Datacenter;
import org.offops.inventory.domain.Flavor;

/** The part of the fleet the inventory owns, as a fleet file describes it or as the database holds it. */
public record FleetModel(List<Datacenter> datacenters, List<Flavor> flavors, List<ServerState> servers,
                         List<ContainerState> containers) {

    public FleetModel {
        datacenters = List.copyOf(datacenters);
        flavors = List.copyOf(flavors);
        servers = List.copyOf(servers);
        containers = List.copyOf(containers);
    }
}
