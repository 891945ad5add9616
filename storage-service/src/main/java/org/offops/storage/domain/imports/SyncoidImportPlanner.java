package org.offops.storage.domain.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.domain.route.Route;
import org.offops.storage.domain.syncoid.SyncoidArgs;
import org.offops.storage.domain.syncoid.SyncoidLine;

/**
 * Plans taking a server's syncoid-args.conf into the model as routes pulled by that server. Whatever the model cannot
 * hold as written (a push line, an unknown source host, an option offops does not manage) is a problem that refuses
 * the import, never a silent guess. A pure function.
 */
public final class SyncoidImportPlanner {

    /** What importing the file does: the routes to add, the steps, and the problems that forbid it. */
    public record Plan(List<Route> routes, List<String> steps, List<String> problems) {
    }

    private static final Set<String> MANAGED = Set.of("--no-sync-snap", "--no-privilege-elevation", "--recursive",
            "-r");

    private SyncoidImportPlanner() {
    }

    /**
     * @param servers  server name by each name or address it is reached at (inventory name, SSH host)
     * @param existing the routes already in the model (imported again: nothing to do)
     */
    public static Plan plan(SyncoidArgs args, String server, Map<String, String> servers, Set<Route> existing) {
        List<Route> routes = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (SyncoidLine line : args.lines()) {
            if (line.direction() != SyncoidLine.Direction.PULL) {
                problems.add("line " + line.line() + ": " + line.direction() + " is not a pull into " + server
                        + " (" + line.source().format() + " -> " + line.target().format() + ")");
                continue;
            }
            List<String> unmanaged = line.options().stream().filter(o -> !MANAGED.contains(o)).toList();
            if (!unmanaged.isEmpty()) {
                problems.add("line " + line.line() + ": options " + unmanaged + " are not managed by offops");
            }
            String host = line.source().host();
            String source = servers.getOrDefault(host, servers.get(host.split("\\.")[0]));
            if (source == null) {
                problems.add("line " + line.line() + ": source host " + host + " is not a known server");
                continue;
            }
            Route route = new Route(new DatasetRef(source, line.source().dataset()),
                    new DatasetRef(server, line.target().dataset()), line.recursive());
            if (existing.contains(route) || routes.contains(route)) {
                steps.add("already replicated: " + route.source() + " -> " + route.target());
            } else {
                routes.add(route);
                steps.add(server + " pulls " + route.source() + " into " + route.target().dataset()
                        + (route.recursive() ? " (recursive)" : ""));
            }
        }
        return new Plan(routes, steps, problems);
    }
}
