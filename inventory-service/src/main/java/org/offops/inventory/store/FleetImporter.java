package org.offops.inventory.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ServerState;
import org.offops.inventory.domain.Datacenter;
import org.offops.inventory.domain.Flavor;
import org.offops.inventory.domain.fleet.FleetChange;
import org.offops.inventory.domain.fleet.FleetImportPlanner;
import org.offops.inventory.domain.fleet.FleetModel;

/**
 * Applies a fleet file in one transaction: all of it or nothing. Unchanged entries are not written, so importing
 * the same file twice changes nothing and publishes nothing.
 */
@ApplicationScoped
public class FleetImporter {

    private final CatalogRegistry catalog;
    private final ServerRegistry servers;
    private final ContainerRegistry containers;

    public FleetImporter(CatalogRegistry catalog, ServerRegistry servers, ContainerRegistry containers) {
        this.catalog = catalog;
        this.servers = servers;
        this.containers = containers;
    }

    @Transactional
    public List<FleetChange> importFleet(FleetModel file, boolean dryRun, String actor) {
        List<FleetChange> plan = FleetImportPlanner.plan(file, held());
        if (!dryRun) {
            plan.forEach(change -> apply(change, actor));
        }
        return plan;
    }

    private void apply(FleetChange change, String actor) {
        boolean create = change.action() == FleetChange.Action.CREATE;
        if (!create && change.action() != FleetChange.Action.UPDATE) {
            return;
        }
        switch (change.kind()) {
            case "datacenter" -> catalog.putDatacenter((Datacenter) change.after(),
                    create ? null : catalog.datacenter(change.name()).orElseThrow().version);
            case "flavor" -> catalog.putFlavor((Flavor) change.after(),
                    create ? null : catalog.flavor(change.name()).orElseThrow().version);
            case "server" -> {
                ServerState server = (ServerState) change.after();
                if (create) {
                    servers.register(server, actor);
                } else {
                    servers.update(server.name(), servers.find(server.name()).orElseThrow().version, server, actor);
                }
            }
            case "container" -> {
                ContainerState container = (ContainerState) change.after();
                if (create) {
                    containers.register(container, actor);
                } else {
                    containers.update(container.name(), containers.find(container.name()).orElseThrow().version,
                            container, actor);
                }
            }
            default -> throw new IllegalStateException("unknown kind in an import plan: " + change.kind());
        }
    }

    private static FleetModel held() {
        return new FleetModel(
                DatacenterEntity.<DatacenterEntity>listAll().stream().map(DatacenterEntity::toDomain).toList(),
                FlavorEntity.<FlavorEntity>listAll().stream().map(FlavorEntity::toDomain).toList(),
                ServerEntity.<ServerEntity>listAll().stream().map(ServerEntity::toState).toList(),
                ContainerEntity.<ContainerEntity>listAll().stream().map(ContainerEntity::toState).toList());
    }
}
