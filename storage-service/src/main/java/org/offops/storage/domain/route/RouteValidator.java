package org.offops.storage.domain.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offops.remote.InvalidNameException;
import org.offops.remote.Names;

/**
 * Checks a route against the fleet and the other routes: known hosts and datasets (the typo that silently stopped
 * opf replication), ZFS naming rules, no route into a target that already has one, no cycle.
 */
public final class RouteValidator {

    private RouteValidator() {
    }

    /**
     * @param servers  server names known from the inventory
     * @param datasets known datasets as {@code server:dataset}
     */
    public static List<Violation> check(Route route, List<Route> others, Set<String> servers, Set<String> datasets) {
        List<Violation> found = new ArrayList<>();
        name(found, "source.dataset", route.source().dataset());
        name(found, "target.dataset", route.target().dataset());
        if (!servers.contains(route.source().server())) {
            found.add(new Violation("source.server", "unknown server " + route.source().server()));
        }
        if (!servers.contains(route.target().server())) {
            found.add(new Violation("target.server", "unknown server " + route.target().server()));
        }
        if (!datasets.contains(route.source().toString())) {
            found.add(new Violation("source.dataset", "unknown dataset " + route.source()));
        }
        if (route.source().equals(route.target())) {
            found.add(new Violation("target", "a dataset cannot replicate into itself"));
        }
        for (Route other : others) {
            if (other.target().equals(route.target())) {
                found.add(new Violation("target", route.target() + " already receives from " + other.source()));
            }
        }
        if (found.isEmpty() && cycles(route, others)) {
            found.add(new Violation("target", "route " + route.source() + " -> " + route.target()
                    + " closes a replication cycle"));
        }
        return found;
    }

    private static void name(List<Violation> found, String field, String dataset) {
        try {
            Names.zfsDataset(dataset);
        } catch (InvalidNameException e) {
            found.add(new Violation(field, e.getMessage()));
        }
    }

    private static boolean cycles(Route route, List<Route> others) {
        Map<DatasetRef, List<DatasetRef>> edges = new HashMap<>();
        others.forEach(r -> edges.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r.target()));
        // a cycle exists if the new target already reaches the new source
        List<DatasetRef> todo = new ArrayList<>(List.of(route.target()));
        Set<DatasetRef> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            DatasetRef at = todo.remove(todo.size() - 1);
            if (at.equals(route.source())) {
                return true;
            }
            if (seen.add(at)) {
                todo.addAll(edges.getOrDefault(at, List.of()));
            }
        }
        return false;
    }
}
