package org.offops.testkit.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** What the fleet-in-a-box knows about processes, read from /proc; everything by PID, never by name. */
final class FleetProcesses {

    private FleetProcesses() {
    }

    /** A process as /proc shows it. */
    record Info(long pid, String cmdline, String cwd, String pidNamespace) {
        @Override
        public String toString() {
            return pid + " [" + cmdline + "] cwd=" + cwd + " " + pidNamespace;
        }
    }

    static Optional<Info> info(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            byte[] raw = Files.readAllBytes(proc.resolve("cmdline"));
            String cmdline = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
            return Optional.of(new Info(pid, cmdline, link(proc.resolve("cwd")), link(proc.resolve("ns/pid"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String link(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    static List<Info> all() {
        List<Info> all = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path dir : proc) {
                info(Long.parseLong(dir.getFileName().toString())).ifPresent(all::add);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return all;
    }

    /**
     * Processes that belong to a fleet: in one of its hosts' PID namespaces, or with a working directory or command
     * line under its root. Zombies (no command line) cannot be attributed and are not listed.
     */
    static List<Info> belongingTo(Path root, Set<String> pidNamespaces) {
        String prefix = root.toString();
        long self = ProcessHandle.current().pid();
        return all().stream()
                .filter(p -> p.pid() != self)
                .filter(p -> pidNamespaces.contains(p.pidNamespace())
                        || p.cwd().equals(prefix) || p.cwd().startsWith(prefix + "/")
                        || p.cmdline().contains(prefix + "/") || p.cmdline().endsWith(prefix))
                .toList();
    }

    static String pidNamespace(long pid) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "pid")).toString();
    }

    /** The PIDs of a process in each PID namespace it is in, outermost first (/proc/PID/status NSpid). */
    static long[] namespacePids(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("NSpid:")) {
                return java.util.Arrays.stream(line.substring(6).trim().split("\\s+")).mapToLong(Long::parseLong)
                        .toArray();
            }
        }
        throw new IOException("no NSpid in /proc/" + pid + "/status");
    }

    /** The descendant of {@code launcher} whose command line starts with {@code prefix}. */
    static Optional<ProcessHandle> descendant(Process launcher, String prefix) {
        return launcher.descendants()
                .filter(h -> info(h.pid()).map(i -> i.cmdline().startsWith(prefix)).orElse(false))
                .findFirst();
    }

    /** Waits for a child process to end; true if it did. */
    static boolean waitFor(Process process, long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Waits until the process is gone or a zombie (dead, waiting for its parent); true if it ended in time. */
    static boolean awaitEnd(long pid, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        while (true) {
            try {
                String text = Files.readString(stat);
                if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
}
