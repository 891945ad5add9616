package org.offops.storage.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.offops.testkit.TempDirs;

/** testkit's zfs/zpool stand-in with its own state directory, and real tools (sanoid, faketime) run against it. */
public final class LocalZfs implements AutoCloseable {

    private static final String SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private final Path dir;

    public LocalZfs() throws IOException {
        dir = Files.createTempDirectory("storage-zfs-");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String name : List.of("zfs", "zpool")) {
            try (InputStream in = LocalZfs.class.getResourceAsStream("/fleet/bin/" + name)) {
                if (in == null) {
                    throw new IOException("testkit's fleet/bin/" + name + " is not on the test classpath");
                }
                Files.copy(in, bin.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(bin.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createDirectories(dir.resolve("home"));
    }

    public Path dir() {
        return dir;
    }

    /** Runs a command with the stand-in first on PATH; fails with its output when it exits non-zero. */
    public String run(List<String> command) {
        try {
            Path out = Files.createTempFile(dir, "out-", ".txt");
            Path err = Files.createTempFile(dir, "err-", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(env());
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command + " exited " + p.exitValue() + ": " + stderr);
            }
            return stdout;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String zfs(String... args) {
        List<String> c = new ArrayList<>(List.of(dir.resolve("bin/zfs").toString()));
        c.addAll(List.of(args));
        return run(c);
    }

    public String zpool(String... args) {
        List<String> c = new ArrayList<>(List.of(dir.resolve("bin/zpool").toString()));
        c.addAll(List.of(args));
        return run(c);
    }

    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", dir.resolve("bin") + ":" + SYSTEM_PATH);
        env.put("OFFOPS_ZFS_STATE", dir.resolve("state").toString());
        env.put("HOME", dir.resolve("home").toString());
        env.put("LANG", "C.UTF-8");
        env.put("TZ", "UTC");
        return env;
    }

    @Override
    public void close() throws IOException {
        TempDirs.deleteTree(dir);
    }
}
