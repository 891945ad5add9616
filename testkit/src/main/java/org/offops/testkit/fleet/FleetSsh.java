package org.offops.testkit.fleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands on fleet hosts with the real OpenSSH client ({@code ssh}), key-only, batch mode, and the host keys
 * pinned by a known_hosts file ({@code StrictHostKeyChecking=yes}): an unknown or changed host key is refused.
 * Connections are multiplexed over one master connection per host (see {@link #master}).
 * For code that cannot depend on the {@code remote} module (testkit's own tests, scripts); services use
 * {@code org.offops.remote.SshExecutor} with {@link FleetHost#login()}.
 */
public final class FleetSsh {

    /** The outcome of one command; {@code exitCode} 255 is ssh's own failure (refused, unreachable, dropped). */
    public record Result(String host, String command, int exitCode, String stdout, String stderr, Duration duration) {
        public boolean ok() {
            return exitCode == 0;
        }

        public Result orThrow() {
            if (!ok()) {
                throw new IllegalStateException(host + ": `" + command + "` exited " + exitCode + ": " + stderr.strip());
            }
            return this;
        }

        @Override
        public String toString() {
            return host + ": `" + command + "` -> " + exitCode + " in " + duration.toMillis() + " ms";
        }
    }

    private final FleetBox box;
    private final Path knownHosts;

    FleetSsh(FleetBox box, Path knownHosts) {
        this.box = box;
        this.knownHosts = knownHosts;
    }

    /** The same client pinned to another known_hosts file (e.g. a copy taken before a host key changed). */
    public FleetSsh pinnedTo(Path otherKnownHosts) {
        return new FleetSsh(box, otherKnownHosts);
    }

    public Path knownHosts() {
        return knownHosts;
    }

    /** Runs a shell line (the remote bash reads it, as ssh always does) with a 60 s limit. */
    public Result run(String host, String command) {
        return run(host, command, null, Duration.ofSeconds(60));
    }

    public Result run(String host, String command, byte[] stdin, Duration timeout) {
        FleetHost target = box.host(host);
        List<String> argv = new ArrayList<>(options(target));
        Path socket = master(target) ? controlPath(target) : null;
        if (socket != null) {
            argv.addAll(List.of("-o", "ControlMaster=no", "-o", "ControlPath=" + socket));
        } else {
            argv.addAll(List.of("-o", "ControlPath=none"));
        }
        argv.addAll(List.of("root@" + target.address(), command));
        return execute(host, command, argv, stdin, timeout);
    }

    private List<String> options(FleetHost target) {
        return List.of("ssh", "-F", "/dev/null", "-T",
                "-i", box.clientKey().toString(),
                "-p", Integer.toString(target.port()),
                "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes",
                "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "ConnectTimeout=5",
                // the default post-quantum key exchange costs ~90 ms per connection on a small machine
                "-o", "KexAlgorithms=curve25519-sha256",
                "-o", "ServerAliveInterval=5",
                "-o", "LogLevel=ERROR");
    }

    /**
     * One multiplexing master connection per host and known_hosts file (a foreground {@code ssh -M -N}, a child of
     * this JVM, so it is reaped and stopped with the box): commands then cost a session, not a connection. The
     * master checks the host key like any connection; when it cannot connect, commands connect directly and report
     * the real error. Each command is still its own SSH session: the login wrapper and faults apply to each.
     */
    private boolean master(FleetHost target) {
        Path socket = controlPath(target);
        if (socket.toString().length() > 100) {
            return false; // unix socket paths are limited to 108 bytes
        }
        String key = socket.toString();
        synchronized (box.masterLock(key)) {
            Process master = box.masters().get(key);
            if (master != null && master.isAlive() && Files.exists(socket)) {
                return true;
            }
            if (master != null) {
                master.destroyForcibly();
                FleetProcesses.waitFor(master, 2000);
            }
            try {
                Files.createDirectories(socket.getParent());
                Files.deleteIfExists(socket);
                List<String> argv = new ArrayList<>(options(target));
                argv.addAll(List.of("-M", "-N", "-o", "ControlPath=" + socket, "-o", "ControlPersist=no",
                        "root@" + target.address()));
                master = new ProcessBuilder(argv)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(
                                socket.resolveSibling(socket.getFileName() + ".log").toFile()))
                        .start();
            } catch (IOException e) {
                return false;
            }
            box.masters().put(key, master);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline && master.isAlive() && !Files.exists(socket)) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return master.isAlive() && Files.exists(socket);
        }
    }

    private Path controlPath(FleetHost target) {
        String pin = String.format("%08x", knownHosts.toAbsolutePath().toString().hashCode());
        return box.root().resolve(".box/mux/" + pin + "-" + target.name());
    }

    static Result execute(String host, String command, List<String> argv, byte[] stdin, Duration timeout) {
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv.get(0), e);
        }
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException ignored) {
            // the command did not read its input
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return new Result(host, command, -1, text(out), "timed out after " + timeout.toMillis() + " ms\n"
                        + text(err), Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command + " on " + host, e);
        }
        return new Result(host, command, process.exitValue(), text(out), text(err),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.transferTo(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }

    private static String text(CompletableFuture<byte[]> bytes) {
        try {
            return new String(bytes.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }
}
