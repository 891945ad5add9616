package org.offops.storage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One replication round: a snapshot of every dataset through the API (4 clients), then waits until every route
 * has replicated its dataset's new snapshot; measures from the first snapshot request to the last route ok.
 */
final class ReplicationRound {

    /** What a round measured. */
    record Result(String label, int pulls, int wanted, Duration snapshots, Duration total, long failures,
                  long incremental, long bytes, double meanSyncoidMs, int concurrentSyncoid, SshSessions.Peaks ssh,
                  long routesOkInReport, Map<String, Double> cpuSeconds) {

        double pullsPerSecond() {
            return pulls * 1000.0 / Math.max(1, total.toMillis());
        }

        /** False when the run's time budget ended first: the figures are then those of the pulls done by then. */
        boolean complete() {
            return pulls == wanted;
        }
    }

    private ReplicationRound() {
    }

    static Result run(String label, BenchApi api, ReplicaEvents events, SshSessions ssh, CpuMeter cpu,
                      Map<Long, String> datasets, int targets, Instant deadline) throws InterruptedException {
        int before = events.pulls().size();
        ssh.resetAndGet();
        Map<String, Double> cpuBefore = cpu.now();
        Map<String, String> expected = new ConcurrentHashMap<>(); // source dataset -> its new snapshot
        Instant start = Instant.now();
        Parallel.each(datasets.keySet(), 4, id -> expected.put(datasets.get(id), api.snapshot(id)));
        Duration snapshots = Duration.between(start, Instant.now());
        int wanted = datasets.size() * targets;
        Instant report = Instant.now();
        List<ReplicaEvents.Pull> done;
        List<ReplicaEvents.Pull> failed;
        while (true) {
            List<ReplicaEvents.Pull> all = events.pulls();
            List<ReplicaEvents.Pull> mine = all.subList(before, all.size());
            done = mine.stream().filter(p -> p.ok() && p.snapshot().equals(expected.get(p.sourceDataset())))
                    .collect(Collectors.toMap(p -> p.target() + ":" + p.sourceDataset(), p -> p, (a, b) -> a))
                    .values().stream().toList();
            failed = mine.stream().filter(p -> !p.ok()).toList();
            if (done.size() == wanted || Instant.now().isAfter(deadline)) {
                break;
            }
            if (Instant.now().isAfter(report)) {
                System.out.printf("  %s: %d/%d routes ok, %d failures, %d s%n", label, done.size(), wanted,
                        failed.size(), Duration.between(start, Instant.now()).toSeconds());
                report = Instant.now().plusSeconds(15);
            }
            Thread.sleep(200);
        }
        SshSessions.Peaks peaks = ssh.resetAndGet();
        Map<String, Double> cpuUsed = CpuMeter.since(cpuBefore, cpu.now());
        failed.stream().limit(3).forEach(f -> System.out.println("  failure: " + f));
        Instant last = done.stream().map(ReplicaEvents.Pull::at).max(Comparator.naturalOrder()).orElse(start);
        long ok = 0;
        for (JsonNode route : api.get("/replication").path("routes")) {
            String source = route.path("source").asText();
            ok += "ok".equals(route.path("last").path("state").asText()) && route.path("last")
                    .path("lastSnapshot").asText().equals(expected.get(source.substring(source.indexOf(':') + 1)))
                    ? 1 : 0;
        }
        return new Result(label, done.size(), wanted, snapshots, Duration.between(start, last), failed.size(),
                done.stream().filter(ReplicaEvents.Pull::incremental).count(),
                done.stream().mapToLong(ReplicaEvents.Pull::bytes).sum(),
                done.stream().mapToLong(ReplicaEvents.Pull::durationMs).average().orElse(0), overlap(done), peaks, ok,
                cpuUsed);
    }

    /** The most syncoid runs that overlapped in time (each event says when its run ended and how long it took). */
    static int overlap(List<ReplicaEvents.Pull> pulls) {
        List<long[]> edges = new ArrayList<>();
        pulls.forEach(p -> edges.addAll(List.of(new long[] {p.began().toEpochMilli(), 1},
                new long[] {p.at().toEpochMilli(), -1})));
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int now = 0;
        int peak = 0;
        for (long[] e : edges) {
            now += (int) e[1];
            peak = Math.max(peak, now);
        }
        return peak;
    }
}
