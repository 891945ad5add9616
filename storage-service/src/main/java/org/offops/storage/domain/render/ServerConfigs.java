package org.offops.storage.domain.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.offops.storage.domain.route.Route;
import org.offops.storage.domain.sanoid.SanoidConfWriter;
import org.offops.storage.domain.snapshot.SnapshotPolicy;
import org.offops.storage.domain.syncoid.SyncoidArgs;
import org.offops.storage.domain.syncoid.SyncoidArgsWriter;
import org.offops.storage.domain.syncoid.SyncoidEndpoint;
import org.offops.storage.domain.syncoid.SyncoidLine;

/** Renders one server's /etc/sanoid/sanoid.conf and /etc/sanoid/syncoid-args.conf from the model, deterministically. */
public final class ServerConfigs {

    public static final String SANOID_CONF = "/etc/sanoid/sanoid.conf";
    public static final String SYNCOID_ARGS = "/etc/sanoid/syncoid-args.conf";

    private ServerConfigs() {
    }

    /**
     * @param policies   this server's datasets and their policies (replicas: autosnap off, as production's synced_data)
     * @param pullRoutes the routes whose target is this server
     * @param addresses  how this server reaches each source server
     * @param user       the operator user on sources (only {@code zfs allow hold,send})
     */
    public static Map<String, String> render(Map<String, SnapshotPolicy> policies, List<Route> pullRoutes,
                                             Map<String, String> addresses, String user) {
        List<SyncoidLine> lines = new ArrayList<>();
        pullRoutes.stream().sorted(Comparator.comparing((Route r) -> r.target().dataset())).forEach(r -> {
            List<String> options = new ArrayList<>(List.of("--no-sync-snap", "--no-privilege-elevation"));
            if (r.recursive()) {
                options.add("--recursive");
            }
            String address = addresses.getOrDefault(r.source().server(), r.source().server());
            lines.add(new SyncoidLine(options, new SyncoidEndpoint(user, address, r.source().dataset()),
                    new SyncoidEndpoint(null, null, r.target().dataset()), 0));
        });
        Map<String, String> files = new TreeMap<>();
        files.put(SANOID_CONF, SanoidConfWriter.render(policies));
        files.put(SYNCOID_ARGS, SyncoidArgsWriter.write(new SyncoidArgs(lines)));
        return files;
    }
}
