package org.offops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.offops.remote.ExecOptions;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteHost;
import org.offops.remote.sshj.SshjExecutor;
import org.offops.remote.sshj.SshjSettings;
import org.offops.testkit.ssh.ClientKey;
import org.offops.testkit.ssh.SshTestHost;
import org.offops.testkit.ssh.SshdSetup;

/**
 * One command on offops' pooled SSH connection vs a fresh OpenSSH {@code ssh} process per command, against the
 * same real sshd hosts; then 1,000 commands spread over 10 hosts both ways. Prints a Markdown table.
 */
public final class SshBench {

    private static final int SINGLE = Integer.getInteger("bench.single", 300);
    private static final int SPREAD = Integer.getInteger("bench.spread", 1000);
    private static final int THREADS = Integer.getInteger("bench.threads", 20);

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("offops-bench-");
        ClientKey key = ClientKey.generate(dir);
        List<SshTestHost> hosts = new ArrayList<>();
        try (SshjExecutor pooled = new SshjExecutor(SshjSettings.withKey(key.privateKey()))) {
            for (int i = 0; i < 10; i++) {
                hosts.add(SshTestHost.start(SshdSetup.at("127.0.0." + (61 + i)).withClientKey(key)));
            }
            List<RemoteHost> targets = hosts.stream().map(h -> new RemoteHost("bench" + h.address(), h.address(),
                    h.port(), "root", h.hostKeyFingerprint())).toList();
            RemoteCommand command = RemoteCommand.of("true");
            Runnable warmPooled = () -> pooled.run(targets.get(0), command, ExecOptions.defaults()).orThrow();
            Runnable warmFresh = () -> freshSsh(hosts.get(0), key);
            for (int i = 0; i < 20; i++) {
                warmPooled.run();
                warmFresh.run();
            }
            double[] pooledMs = time(SINGLE, () -> pooled.run(targets.get(0), command, ExecOptions.defaults()).orThrow());
            double[] freshMs = time(SINGLE, () -> freshSsh(hosts.get(0), key));

            long t0 = System.nanoTime();
            spread(SPREAD, i -> pooled.run(targets.get(i % 10), command, ExecOptions.defaults()).orThrow());
            double spreadPooled = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            spread(SPREAD, i -> freshSsh(hosts.get(i % 10), key));
            double spreadFresh = (System.nanoTime() - t0) / 1e9;

            System.out.printf("%n| measure | offops pooled (sshj) | fresh `ssh` per command | ratio |%n|---|---|---|---|%n");
            System.out.printf("| one command, p50 (ms, %d runs) | %.1f | %.1f | %.1fx |%n", SINGLE,
                    pct(pooledMs, 50), pct(freshMs, 50), pct(freshMs, 50) / pct(pooledMs, 50));
            System.out.printf("| one command, p99 (ms) | %.1f | %.1f | %.1fx |%n",
                    pct(pooledMs, 99), pct(freshMs, 99), pct(freshMs, 99) / pct(pooledMs, 99));
            System.out.printf("| %d commands over 10 hosts, %d threads (s) | %.2f | %.2f | %.1fx |%n", SPREAD, THREADS,
                    spreadPooled, spreadFresh, spreadFresh / spreadPooled);
            System.out.printf("| SSH connections opened by offops | %d | %d | |%n", pooled.connectionsOpened(),
                    SINGLE + SPREAD + 20);
        } finally {
            hosts.forEach(SshTestHost::stop);
        }
    }

    private static void freshSsh(SshTestHost host, ClientKey key) {
        try {
            Process p = new ProcessBuilder("ssh", "-q", "-i", key.privateKey().toString(), "-p",
                    Integer.toString(host.port()), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                    "-o", "UserKnownHostsFile=/dev/null", "-o", "ControlMaster=no", "root@" + host.address(), "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ssh to " + host.address() + " exited with " + p.exitValue());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Step {
        void run(int i) throws Exception;
    }

    private static void spread(int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    step.run(n);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static double[] time(int runs, Runnable command) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            command.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
