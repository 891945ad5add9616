package org.offops.inventory.domain.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ServerState;

/**
 * Compares a fleet file with what the inventory holds and returns the changes, in the order they can be applied
 * (datacenters, flavors, servers, containers). Entries the file does not mention are reported, never removed:
 * an import that deletes is one typo away from deleting production.
 */
public final class FleetImportPlanner {

    private FleetImportPlanner() {
    }

    public static List<FleetChange> plan(FleetModel file, FleetModel held) {
        List<FleetChange> changes = new ArrayList<>();
        compare("datacenter", file.datacenters(), held.datacenters(), d -> d.name(), Objects::equals, changes);
        compare("flavor", file.flavors(), held.flavors(), f -> f.name(), Objects::equals, changes);
        Map<String, ServerState> heldServers = new LinkedHashMap<>();
        held.servers().forEach(s -> heldServers.put(s.name(), s));
        List<ServerState> servers = file.servers().stream()
                .map(s -> withHeldKey(s, heldServers.get(s.name()))).toList();
        compare("server", servers, held.servers(), s -> s.name(), Objects::equals, changes);
        Map<String, ContainerState> heldContainers = new LinkedHashMap<>();
        held.containers().forEach(c -> heldContainers.put(c.name(), c));
        List<ContainerState> wanted = file.containers().stream()
                .map(c -> withHeldKey(c, heldContainers.get(c.name()))).toList();
        compare("container", wanted, held.containers(), c -> c.name(), Objects::equals, changes);
        return changes;
    }

    /** A file without host keys does not erase the keys the inventory learned when hosts were enrolled. */
    private static ContainerState withHeldKey(ContainerState file, ContainerState held) {
        if (file.hostKey() != null || held == null) {
            return file;
        }
        return new ContainerState(file.vmid(), file.name(), file.server(), file.kind(), file.flavor(),
                file.internalIp(), file.sshHost(), file.sshPort(), file.services(), held.hostKey());
    }

    private static ServerState withHeldKey(ServerState file, ServerState held) {
        if (file.hostKey() != null || held == null) {
            return file;
        }
        return new ServerState(file.name(), file.datacenter(), file.sshHost(), file.sshPort(), held.hostKey(),
                file.role());
    }

    private static <T> void compare(String kind, List<T> file, List<T> held, Function<T, String> name,
                                    BiPredicate<T, T> same, List<FleetChange> out) {
        Map<String, T> heldByName = new LinkedHashMap<>();
        held.forEach(h -> heldByName.put(name.apply(h), h));
        for (T wanted : file) {
            T current = heldByName.remove(name.apply(wanted));
            FleetChange.Action action = current == null ? FleetChange.Action.CREATE
                    : same.test(wanted, current) ? FleetChange.Action.UNCHANGED : FleetChange.Action.UPDATE;
            out.add(new FleetChange(kind, name.apply(wanted), action, current, wanted));
        }
        heldByName.forEach((n, h) -> out.add(new FleetChange(kind, n, FleetChange.Action.NOT_IN_FILE, h, null)));
    }
}
