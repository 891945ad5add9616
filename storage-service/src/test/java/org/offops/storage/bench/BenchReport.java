package org.offops.storage.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Prints a replication benchmark's figures: one line per round, then a Markdown row per round for the README. */
final class BenchReport {

    private BenchReport() {
    }

    static void print(int datasets, int targets, int perHost, List<ReplicationRound.Result> results,
                      long hostSlotsPeak) {
        System.out.printf("%n%d datasets x %d targets, per-host %d, %d cores; HostSlots peak (whole run) %d%n",
                datasets, targets, perHost, Runtime.getRuntime().availableProcessors(), hostSlotsPeak);
        for (ReplicationRound.Result r : results) {
            System.out.printf("%s%s: %d pulls in %.1f s (snapshots %.1f s) = %.2f pulls/s; failures %d; incremental %d;"
                            + " %,d bytes; syncoid mean %.0f ms, %d at once; routes ok in GET /replication %d%n",
                    r.label(), r.complete() ? "" : " (CUT by the time budget: " + r.pulls() + " of " + r.wanted() + ")",
                    r.pulls(), r.total().toMillis() / 1000.0, r.snapshots().toMillis() / 1000.0,
                    r.pullsPerSecond(), r.failures(), r.incremental(), r.bytes(), r.meanSyncoidMs(),
                    r.concurrentSyncoid(), r.routesOkInReport());
            double cpu = r.cpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf("  cpu seconds %s: %.0f of %.0f core-seconds (%.2f per pull)%n", r.cpuSeconds().entrySet()
                    .stream().map(e -> e.getKey() + "=" + Math.round(e.getValue())).toList(), cpu,
                    r.total().toMillis() / 1000.0 * Runtime.getRuntime().availableProcessors(), cpu / r.pulls());
            System.out.printf("  ssh peak: connections %s (all hosts at once %d), sessions %s (all hosts at once %d)%n",
                    r.ssh().connections(), r.ssh().allConnections(), r.ssh().sessions(), r.ssh().allSessions());
        }
        System.out.println();
        System.out.println("| date | machine | datasets x targets | per-host | round | total | pulls/s | syncoid at once"
                + " | peak SSH connections (sessions), all hosts | source off2 | failures |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (ReplicationRound.Result r : results) {
            System.out.printf("| %s | %d cores | %d x %d | %d | %s | %.0f s | %.2f | %d | %d (%d) | %d (%d) | %d |%n",
                    LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime().availableProcessors(), datasets, targets,
                    perHost, r.label() + (r.complete() ? "" : ", cut: " + r.pulls() + " of " + r.wanted()), r.total().toMillis() / 1000.0, r.pullsPerSecond(), r.concurrentSyncoid(),
                    r.ssh().allConnections(), r.ssh().allSessions(), r.ssh().connections().getOrDefault("off2", 0),
                    r.ssh().sessions().getOrDefault("off2", 0), r.failures());
        }
    }
}
