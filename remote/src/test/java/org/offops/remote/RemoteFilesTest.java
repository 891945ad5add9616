package org.offops.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteFilesTest {

    private static RealSsh off2;
    private static RemoteFiles files;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startHost() throws Exception {
        off2 = RealSsh.start("off2", "127.0.0.6");
        files = new RemoteFiles(off2.executor());
    }

    @AfterAll
    static void stopHost() {
        off2.close();
    }

    @Test
    void atomicPushIsVisibleOnlyWhole() throws Exception {
        String target = tmp.resolve("products.tar").toString();
        Path stop = tmp.resolve("stop-reading");
        byte[] first = randomBytes(4 << 20, 1);
        byte[] second = randomBytes(4 << 20, 2);
        files.push(off2.host(), target, first, "root", "0644");
        List<String> seen = new CopyOnWriteArrayList<>();
        // a reader on the host hashes the file over and over while it is replaced
        RemoteCommand reader = RemoteCommand.script(
                "while [ ! -e \"$2\" ]; do sha256sum < \"$1\"; done", target, stop.toString());
        CompletableFuture<ExecResult> reading = CompletableFuture.supplyAsync(() -> off2.executor().run(off2.host(),
                reader, ExecOptions.defaults().withTimeout(Duration.ofSeconds(60)).withProgress(seen::add)));

        for (int i = 0; i < 8; i++) {
            files.push(off2.host(), target, i % 2 == 0 ? second : first, "root", "0644");
        }
        Files.createFile(stop);
        reading.get(60, TimeUnit.SECONDS).orThrow();

        Set<String> whole = Set.of(Digests.sha256Hex(first) + "  -", Digests.sha256Hex(second) + "  -");
        assertTrue(seen.size() >= 10, "only " + seen.size() + " reads");
        seen.forEach(line -> assertTrue(whole.contains(line), "a reader saw a partial file: " + line));
        System.out.printf("atomic push: %d reads during 8 pushes of 4 MiB, all whole%n", seen.size());
        // no temporary file is left beside the target
        assertEquals(List.of(Path.of(target), stop), Files.list(tmp).sorted().toList());
    }

    @Test
    void pushSetsOwnerAndModeAndVerifiesTheHash() throws Exception {
        String target = tmp.resolve("off-psk.txt").toString();
        byte[] content = "off1-off2:0123456789abcdef0123456789abcdef\n".getBytes(StandardCharsets.UTF_8);

        String sha256 = files.push(off2.host(), target, content, "root:root", "0600");

        assertEquals(Digests.sha256Hex(content), sha256);
        assertArrayEquals(content, Files.readAllBytes(Path.of(target)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(target))));
    }

    @Test
    void secretContentAndItsHashNeverReachTheCommandLine() {
        List<String> commandLines = new CopyOnWriteArrayList<>();
        SshExecutor recording = (host, command, options) -> {
            commandLines.add(command.toShellLine());
            return off2.executor().run(host, command, options);
        };
        byte[] psk = "off1-off2:5b1e0c7d9a3f42e68b0d1c2e3f4a5b6c\n".getBytes(StandardCharsets.UTF_8);

        new RemoteFiles(recording).push(off2.host(), tmp.resolve("psk.txt").toString(), psk, "root", "0600");

        assertEquals(1, commandLines.size());
        assertFalse(commandLines.get(0).contains("5b1e0c7d"));
        assertFalse(commandLines.get(0).contains(Digests.sha256Hex(psk)));
    }

    @Test
    void pushIntoAMissingDirectoryNamesHostCommandAndExitCode() {
        String target = tmp.resolve("missing/off.conf").toString();

        RemoteException failure = assertThrows(RemoteException.class,
                () -> files.push(off2.host(), target, new byte[] {1}, "root", "0644"));

        assertTrue(failure.getMessage().contains("on host off2"), failure.getMessage());
        assertTrue(failure.getMessage().contains("exit code 2"), failure.getMessage());
        assertTrue(failure.getMessage().contains("does not exist"), failure.getMessage());
    }

    @Test
    void driftIsDetectedAfterOutOfBandEdit() {
        String target = tmp.resolve("nginx-off.conf").toString();
        byte[] rendered = "server { server_name world.openfoodfacts.org; }\n".getBytes(StandardCharsets.UTF_8);
        files.push(off2.host(), target, rendered, "root", "0644");
        assertFalse(files.read(off2.host(), target).driftedFrom(rendered));

        off2.executor().run(off2.host(), RemoteCommand.script("echo '# hand edit' >> \"$1\"", target)).orThrow();
        RemoteFile onHost = files.read(off2.host(), target);

        assertTrue(onHost.driftedFrom(rendered));
        assertEquals(new String(rendered, StandardCharsets.UTF_8) + "# hand edit\n",
                new String(onHost.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void absentFileIsAClearResult() {
        RemoteFile missing = files.read(off2.host(), tmp.resolve("never-pushed.conf").toString());

        assertFalse(missing.present());
        assertTrue(missing.driftedFrom(new byte[0]));
    }

    @Test
    void binaryContentSurvivesTheRoundTrip() {
        String target = tmp.resolve("blob.bin").toString();
        byte[] content = randomBytes(300_000, 3);

        files.push(off2.host(), target, content, "root", "0640");

        assertArrayEquals(content, files.read(off2.host(), target).bytes());
    }

    @Test
    void archiveIsExtractedIntoAFreshDirectory() throws Exception {
        Path archive = tarGz("ok", List.of("index.html", "js/app.js"), List.of());
        String target = tmp.resolve("off-static-v2").toString();

        try (InputStream in = Files.newInputStream(archive)) {
            files.extractArchive(off2.host(), in, target);
        }

        assertEquals("index.html\n", Files.readString(Path.of(target, "index.html")));
        assertEquals("js/app.js\n", Files.readString(Path.of(target, "js/app.js")));
        try (InputStream again = Files.newInputStream(archive)) {
            RemoteException refused = assertThrows(RemoteException.class,
                    () -> files.extractArchive(off2.host(), again, target));
            assertTrue(refused.getMessage().contains("already exists"), refused.getMessage());
        }
        assertTrue(Files.exists(Path.of(target, "index.html")), "a refused extraction touched the existing directory");
    }

    @Test
    void archiveLeavingItsDirectoryIsRefusedAndRemoved() throws Exception {
        Path dotDot = tarGz("dotdot", List.of("escaped"), List.of("-P", "--transform", "s,^escaped,../escaped,"));
        Files.createDirectories(tmp.resolve("link"));
        Files.createSymbolicLink(tmp.resolve("link/etc"), Path.of("/etc"));
        Path link = tarGz("link", List.of("etc"), List.of());

        for (Path archive : List.of(dotDot, link)) {
            String target = tmp.resolve("extract-" + archive.getFileName()).toString();
            try (InputStream in = Files.newInputStream(archive)) {
                assertThrows(RemoteException.class, () -> files.extractArchive(off2.host(), in, target));
            }
            assertFalse(Files.exists(Path.of(target)), "the failed extraction left " + target);
        }
        assertFalse(Files.exists(tmp.resolve("escaped")));
        Files.delete(tmp.resolve("link/etc"));
    }

    /** Builds a tar.gz with the local GNU tar from {@code tmp/name/<members>}; each member holds its own name. */
    private Path tarGz(String name, List<String> members, List<String> options) throws Exception {
        Path source = Files.createDirectories(tmp.resolve(name));
        for (String member : members) {
            Path file = source.resolve(member);
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, member + "\n");
            }
        }
        Path archive = tmp.resolve(name + ".tar.gz");
        List<String> command = new java.util.ArrayList<>(List.of("tar", "-czf", archive.toString(), "-C",
                source.toString()));
        command.addAll(options);
        command.addAll(members);
        Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tar.waitFor(), output);
        return archive;
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
