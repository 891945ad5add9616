package org.offops.testkit.zfs;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.offops.testkit.TempDirs;

/** Runs the zfs/zpool stand-in (testkit resources fleet/bin) and real tools against per-test state directories. */
final class StandIn {

    static final String SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private StandIn() {
    }

    /** The result of one finished process. */
    record Result(List<String> command, int exit, String out, String err) {
        Result ok() {
            if (exit != 0) {
                throw new AssertionError(this.toString());
            }
            return this;
        }

        List<String> lines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Copies zfs and zpool from the classpath into {@code dir} as executables (Maven drops the exec bit). */
    static Path installBin(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : List.of("zfs", "zpool")) {
            try (InputStream in = StandIn.class.getResourceAsStream("/fleet/bin/" + name)) {
                Objects.requireNonNull(in, "fleet/bin/" + name + " is not on the classpath");
                Path target = dir.resolve(name);
                Files.copy(in, target, REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return dir;
    }

    /** Runs a command to completion (killed by PID with its descendants after the timeout). */
    static Result run(Map<String, String> env, Path stdin, Duration timeout, List<String> command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("standin-out-", ".txt");
            err = Files.createTempFile("standin-err-", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.redirectInput(stdin != null ? ProcessBuilder.Redirect.from(stdin.toFile())
                    : ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                List<ProcessHandle> children = p.descendants().toList();
                p.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                p.waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command)
                        + "\n" + Files.readString(out) + Files.readString(err));
            }
            return new Result(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        TempDirs.deleteQuietly(root);
    }

    static boolean executable(String path) {
        return Files.isExecutable(Path.of(path));
    }

    /** One simulated host's ZFS: the stand-in's bin directory plus its own state directory. */
    static final class Host {
        final Path bin;
        final Path state;
        final Path home;

        Host(Path bin, Path state, Path home) throws IOException {
            this.bin = bin;
            this.state = Files.createDirectories(state);
            this.home = Files.createDirectories(home);
        }

        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PATH", bin + ":" + SYSTEM_PATH);
            env.put("OFFOPS_ZFS_STATE", state.toString());
            env.put("HOME", home.toString());
            env.put("LANG", "C.UTF-8");
            env.put("TZ", "UTC");
            return env;
        }

        Result zfs(String... args) {
            return cmd(prepend("zfs", args));
        }

        Result zpool(String... args) {
            return cmd(prepend("zpool", args));
        }

        /** Java finds the program with the JVM's own PATH: zfs and zpool are always this stand-in's. */
        Result cmd(List<String> command) {
            return run(env(), null, Duration.ofSeconds(60), resolve(command));
        }

        private List<String> resolve(List<String> command) {
            List<String> c = new ArrayList<>(command);
            if (c.get(0).equals("zfs") || c.get(0).equals("zpool")) {
                c.set(0, bin.resolve(c.get(0)).toString());
            }
            return c;
        }

        Result cmd(String... command) {
            return cmd(List.of(command));
        }

        Result pipe(Path stdin, String... command) {
            return run(env(), stdin, Duration.ofSeconds(60), resolve(List.of(command)));
        }

        /** Lines of calls.log: every zfs/zpool invocation, argv shell-quoted. */
        List<String> calls() throws IOException {
            Path log = state.resolve("calls.log");
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        }

        Path mountpoint(String dataset) {
            return Path.of(zfs("get", "-H", "-o", "value", "mountpoint", dataset).ok().out().strip());
        }

        List<String> snapshots(String dataset) {
            return zfs("list", "-H", "-o", "name", "-t", "snapshot", dataset).ok().lines();
        }

        private static List<String> prepend(String head, String... rest) {
            List<String> c = new ArrayList<>();
            c.add(head);
            c.addAll(Arrays.asList(rest));
            return c;
        }
    }
}
