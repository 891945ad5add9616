package org.offops.storage.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** This machine's process tree read from /proc (children, command lines, CPU times), for sampling without ps. */
final class ProcTree {

    private ProcTree() {
    }

    static List<Long> descendants(long pid) {
        List<Long> out = new ArrayList<>();
        for (int i = -1; i < out.size(); i++) {
            out.addAll(children(i < 0 ? pid : out.get(i)));
        }
        return out;
    }

    static List<Long> children(long pid) {
        String text = read(Path.of("/proc", Long.toString(pid), "task", Long.toString(pid), "children")).strip();
        return text.isEmpty() ? List.of() : java.util.Arrays.stream(text.split(" ")).map(Long::valueOf).toList();
    }

    static String cmdline(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').strip();
    }

    /**
     * CPU seconds (user + system) a process tree has used so far: every live process's own time plus that of the
     * children it reaped, so each ended process is counted once, in the live ancestor that waited for it.
     */
    static double cpuSeconds(long root) {
        long ticks = 0;
        List<Long> tree = new ArrayList<>(List.of(root));
        tree.addAll(descendants(root));
        for (long pid : tree) {
            String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
            if (!stat.isEmpty()) {
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
        }
        return ticks / 100.0; // USER_HZ: 100 on Linux for every architecture offops runs on
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the process ended between two reads
        }
    }
}
