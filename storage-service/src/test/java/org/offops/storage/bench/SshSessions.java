package org.offops.storage.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Samples, every {@code periodMs}, the SSH connections and sessions each box host's sshd serves, from /proc: a
 * connection is an authenticated {@code sshd: user@notty} process, a session one command it runs (its child). The
 * pooled client multiplexes sessions over few connections, so both are counted; the peaks are kept per host.
 */
final class SshSessions implements AutoCloseable {

    /** Peaks since the last reset: per host, and the most at once across all hosts. */
    record Peaks(Map<String, Integer> connections, Map<String, Integer> sessions, int allConnections,
                 int allSessions) {
    }

    private final Map<String, LongSupplier> hosts;
    private final Thread thread;
    private Map<String, Integer> connections = new TreeMap<>();
    private Map<String, Integer> sessions = new TreeMap<>();
    private int allConnections;
    private int allSessions;
    private volatile boolean stopped;

    /** @param listeners each host's sshd launcher PID (asked at every sample: a host's sshd may restart) */
    SshSessions(Map<String, LongSupplier> listeners, long periodMs) {
        this.hosts = listeners;
        this.thread = new Thread(() -> {
            while (!stopped) {
                sample();
                try {
                    Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "ssh-sessions");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized Peaks resetAndGet() {
        Peaks now = new Peaks(connections, sessions, allConnections, allSessions);
        connections = new TreeMap<>();
        sessions = new TreeMap<>();
        allConnections = 0;
        allSessions = 0;
        return now;
    }

    private synchronized void sample() {
        int[] total = new int[2];
        hosts.forEach((host, pid) -> {
            int[] seen = new int[2];
            for (long child : ProcTree.descendants(pid.getAsLong())) {
                if (ProcTree.cmdline(child).matches("sshd: \\S+@\\S+.*")) {
                    seen[0]++;
                    seen[1] += ProcTree.children(child).size();
                }
            }
            connections.merge(host, seen[0], Math::max);
            sessions.merge(host, seen[1], Math::max);
            total[0] += seen[0];
            total[1] += seen[1];
        });
        allConnections = Math.max(allConnections, total[0]);
        allSessions = Math.max(allSessions, total[1]);
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
