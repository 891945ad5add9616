package org.offops.storage.domain.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.domain.route.Route;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

/**
 * Turns the whole storage model into every server's files ({@link ServerConfigs}): a pure function, so what is
 * recorded in git is decided the same way in a dry run, a test and production.
 */
public final class FleetConfigs {

    /** A dataset as the renderer needs it: where it is and which named policy it follows (null: none). */
    public record Dataset(DatasetRef ref, String policy) {
    }

    /** The model: datasets, named policies, routes, how servers reach each other, and the pull user on sources. */
    public record Model(List<Dataset> datasets, Map<String, SnapshotPolicy> policies, List<Route> routes,
                        Map<String, String> addresses, String user) {
    }

    private FleetConfigs() {
    }

    /** Files by server for every server holding a dataset (a server left without any renders empty files). */
    public static Map<String, Map<String, String>> render(Model model, Iterable<String> alsoServers) {
        TreeSet<String> servers = new TreeSet<>();
        model.datasets().forEach(d -> servers.add(d.ref().server()));
        alsoServers.forEach(servers::add);
        Map<String, Map<String, String>> files = new TreeMap<>();
        servers.forEach(server -> files.put(server, render(model, server)));
        return files;
    }

    /**
     * One server's files. A replica (a route's target) is written with autosnap off, as production's synced_data:
     * its own policy's retention, or else its source's, so pulled snapshots are pruned like the source prunes them.
     */
    public static Map<String, String> render(Model model, String server) {
        Map<DatasetRef, String> policyByRef = new HashMap<>();
        model.datasets().forEach(d -> policyByRef.put(d.ref(), d.policy()));
        Map<DatasetRef, Route> routeInto = new HashMap<>();
        model.routes().forEach(r -> routeInto.putIfAbsent(r.target(), r));
        Map<String, SnapshotPolicy> policies = new TreeMap<>();
        for (Dataset d : model.datasets()) {
            if (!d.ref().server().equals(server)) {
                continue;
            }
            Route into = routeInto.get(d.ref());
            Optional<SnapshotPolicy> own = policy(model, d.policy());
            if (into != null) {
                own.or(() -> policy(model, policyByRef.get(into.source())))
                        .ifPresent(p -> policies.put(d.ref().dataset(), p.withAutosnap(false)));
            } else {
                own.ifPresent(p -> policies.put(d.ref().dataset(), p));
            }
        }
        List<Route> pulls = model.routes().stream().filter(r -> r.target().server().equals(server)).toList();
        return ServerConfigs.render(policies, pulls, model.addresses(), model.user());
    }

    private static Optional<SnapshotPolicy> policy(Model model, String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(model.policies().get(name));
    }
}
