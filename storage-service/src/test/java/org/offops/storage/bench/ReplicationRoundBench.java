package org.offops.storage.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.offops.storage.replication.ReplicationPools;

/**
 * Benchmark (not a test): one source (off2) with N datasets, each replicated to T targets by the packaged
 * storage-service over the fleet box (real sshd, real syncoid); an initial round (full sends) then a steady-state
 * round (one new snapshot each: incremental pulls). Prints time, pulls/s and peak concurrent SSH per round.
 * <p>Arguments: [datasets=500] [targets=3] [per-host=2] [minutes=120] (the whole run's budget: a round it cuts is
 * reported as such, with the pulls done by then, and ends the run).
 */
public final class ReplicationRoundBench {

    private static final List<String> TARGETS = List.of("off1", "ovh3", "ovh1", "ovh2");
    private static final int NET = 66;

    private ReplicationRoundBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        List<String> targets = TARGETS.subList(0, args.length > 1 ? Integer.parseInt(args[1]) : 3);
        int perHost = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(args.length > 3 ? Long.parseLong(args[3]) : 120));
        List<String> hosts = new ArrayList<>(List.of(BenchFleet.SOURCE));
        hosts.addAll(targets);
        long t0 = System.nanoTime();
        try (BenchStack stack = BenchStack.start(hosts, NET, Map.of(
                "OFFOPS_STORAGE_PULL_KEY", ReplicationPools.PULL_KEY,
                "OFFOPS_STORAGE_REPLICATION_PER_HOST", Integer.toString(perHost),
                // neither the 15 min sweep nor a policy tick may add pulls to what is measured, nor recording the
                // rendered configs in git (one commit per route added) run in the background of the rounds
                "OFFOPS_STORAGE_REPLICATION_SWEEP", "24h", "OFFOPS_STORAGE_TICK", "24h", "OFFOPS_CONFIG_REPO", ""));
             ReplicaEvents events = new ReplicaEvents(stack.kafka().bootstrap());
             SshSessions ssh = new SshSessions(listeners(stack, hosts), 100)) {
            // Ctrl-C or SIGTERM: the JVM exits without leaving the try, so the stack is stopped from a hook
            Thread onSignal = new Thread(stack::close, "stop-bench-stack");
            Runtime.getRuntime().addShutdownHook(onSignal);
            try {
                BenchApi api = new BenchApi(stack.service().url());
                System.out.printf("started in %d s; preparing %d datasets and %d routes%n", seconds(t0), n,
                        n * targets.size());
                Map<Long, String> datasets = BenchFleet.prepare(stack.box(), api, n, targets);
                System.out.printf("prepared in %d s%n", seconds(t0));
                List<ReplicationRound.Result> results = new ArrayList<>();
                CpuMeter cpu = cpuMeter(stack, targets);
                results.add(ReplicationRound.run("initial (full)", api, events, ssh, cpu, datasets, targets.size(),
                        deadline));
                if (results.get(0).complete()) {
                    BenchFleet.addData(stack.box(), datasets.values(), "more.bin", 4096);
                    results.add(ReplicationRound.run("steady (incremental)", api, events, ssh, cpu, datasets,
                            targets.size(), deadline));
                }
                BenchReport.print(n, targets.size(), perHost, results,
                        api.gauge("offops_storage_replication_pulls_peak"));
            } catch (Exception | Error e) {
                stack.printLogTail(60);
                throw e;
            } finally {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            }
        }
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000;
    }

    /** The service and Kafka processes, and each box host's sshd and init trees (what its commands ran under). */
    private static CpuMeter cpuMeter(BenchStack stack, List<String> targets) {
        Map<String, List<LongSupplier>> parts = new LinkedHashMap<>();
        parts.put("service", List.of(stack.service()::pid));
        parts.put("kafka", List.of(stack.kafka()::pid));
        parts.put(BenchFleet.SOURCE, host(stack, BenchFleet.SOURCE));
        parts.put("targets", targets.stream().flatMap(t -> host(stack, t).stream()).toList());
        return new CpuMeter(parts);
    }

    private static List<LongSupplier> host(BenchStack stack, String name) {
        return List.of(() -> stack.box().host(name).sshdPid(), () -> stack.box().host(name).initPid());
    }

    private static Map<String, LongSupplier> listeners(BenchStack stack, List<String> hosts) {
        Map<String, LongSupplier> out = new LinkedHashMap<>();
        hosts.forEach(h -> out.put(h, () -> stack.box().host(h).sshdPid()));
        return out;
    }
}
