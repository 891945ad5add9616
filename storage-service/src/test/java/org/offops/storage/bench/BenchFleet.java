package org.offops.storage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.offops.storage.replication.ReplicationPools;
import org.offops.testkit.fleet.FleetBox;

/**
 * The benchmark's fleet: N datasets with a little data on off2, an empty pool and the pull key on each target,
 * and the datasets and N x T routes registered through the API (4 clients), as an operator would.
 */
final class BenchFleet {

    static final String SOURCE = "off2";
    private static final String MNT = "/var/lib/offops-zfs/mnt/"; // the zfs stand-in's default pool mountpoints

    private BenchFleet() {
    }

    /** Returns the registered datasets: id to ZFS name. */
    static Map<Long, String> prepare(FleetBox box, BenchApi api, int n, List<String> targets) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add(String.format("rpool/bench/ds%04d", i));
        }
        List<String> create = new ArrayList<>(List.of("bash", "-c", "zpool create rpool && zfs create -p rpool/bench"
                + " && for d in \"$@\"; do zfs create \"$d\" || exit 1; done", "create"));
        create.addAll(names);
        box.exec(SOURCE, create, Duration.ofMinutes(30)).orThrow();
        addData(box, names, "data.bin", 16384);
        for (String target : targets) {
            ReplicationPools.target(box, target, "rpool/bench");
        }
        awaitFleetView(api, box);
        long registering = System.nanoTime();
        api.manualPolicy("bench");
        Map<Long, String> datasets = new ConcurrentHashMap<>();
        Parallel.each(names, 4, name -> datasets.put(api.dataset(SOURCE, name, "bench"), name));
        List<String[]> routes = new ArrayList<>();
        names.forEach(name -> targets.forEach(t -> routes.add(new String[] {SOURCE + ":" + name, t + ":" + name})));
        Parallel.each(routes, 4, r -> api.route(r[0], r[1]));
        System.out.printf("registered %d datasets and %d routes through the API in %.1f s%n", n, routes.size(),
                (System.nanoTime() - registering) / 1e9);
        return new TreeMap<>(datasets);
    }

    /** Writes {@code bytes} random bytes to {@code file} in each dataset on the source (the next snapshot's data). */
    static void addData(FleetBox box, Collection<String> datasets, String file, int bytes) throws IOException {
        Random random = new Random(datasets.size());
        for (String dataset : datasets) {
            byte[] data = new byte[bytes];
            random.nextBytes(data);
            Files.write(box.host(SOURCE).path(MNT + dataset + "/" + file), data);
        }
    }

    private static void awaitFleetView(BenchApi api, FleetBox box) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<String> known = new ArrayList<>();
            api.get("/fleet-view/servers").forEach(s -> known.add(s.path("name").asText()));
            if (box.hosts().stream().allMatch(h -> known.contains(h.name()))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service never learnt the box's servers from offops.inventory");
    }
}
