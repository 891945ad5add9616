package org.offops.testkit.zfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.offops.testkit.ssh.ClientKey;
import org.offops.testkit.ssh.SshTestHost;
import org.offops.testkit.ssh.SshdSetup;
import org.offops.testkit.zfs.StandIn.Host;
import org.offops.testkit.zfs.StandIn.Result;

/**
 * The real syncoid (Debian package "sanoid") run on a target host, pulling from a source host over real OpenSSH,
 * both hosts running the zfs stand-in with their own state: as production does it (pulled by the target).
 */
class SyncoidOnStandInTest {

    private static final String SOURCE_DS = "rpool/off/products";
    private static final String TARGET_DS = "rpool/backups/off/products";

    private Path dir;
    private ClientKey key;
    private Host src;
    private Host dst;
    private SshTestHost source;
    private SshTestHost target;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(StandIn.executable("/usr/sbin/syncoid"), "needs Debian package sanoid (syncoid)");
        assumeTrue(StandIn.executable("/usr/sbin/sshd"), "needs Debian package openssh-server");
        dir = Files.createTempDirectory("syncoid-standin-");
        Path bin = StandIn.installBin(dir.resolve("bin"));
        key = ClientKey.generate(dir.resolve("client"));
        src = new Host(bin, dir.resolve("source/state"), dir.resolve("source/home"));
        dst = new Host(bin, dir.resolve("target/state"), dir.resolve("target/home"));
        source = SshTestHost.start(setup("127.0.0.41", "source", src));
        target = SshTestHost.start(setup("127.0.0.42", "target", dst));
        src.zpool("create", "rpool").ok();
        src.zfs("create", "-p", SOURCE_DS).ok();
        dst.zpool("create", "rpool").ok();
        dst.zfs("create", "-p", "rpool/backups/off").ok();
    }

    @AfterEach
    void tearDown() {
        if (source != null) {
            source.stop();
        }
        if (target != null) {
            target.stop();
        }
        StandIn.deleteTree(dir);
    }

    /** sshd's base config already has a SetEnv line; a Match block's SetEnv replaces it for the login. */
    private SshdSetup setup(String address, String name, Host host) {
        return SshdSetup.at(address).withClientKey(key).withDirectory(dir.resolve(name + "/sshd"))
                .withExtraConfig(List.of("Match all",
                        "    SetEnv HOME=" + host.home + " PATH=" + host.bin + ":" + StandIn.SYSTEM_PATH
                                + " LANG=C.UTF-8 TZ=UTC OFFOPS_ZFS_STATE=" + host.state));
    }

    @Test
    void syncoidReplicatesFullThenIncrementalBetweenTwoHostsOverSsh() throws IOException {
        Path data = src.mountpoint(SOURCE_DS);
        Random random = new Random(42);
        Files.writeString(data.resolve("products.csv"), "code,name\n3017620422003,Nutella\n");
        Files.createDirectories(data.resolve("images/301/762"));
        Files.write(data.resolve("images/301/762/1.jpg"), bytes(random, 200_000));
        Files.createSymbolicLink(data.resolve("latest.csv"), Path.of("products.csv"));
        src.zfs("snapshot", SOURCE_DS + "@autosnap_2026-01-01_00:00:00_hourly").ok();
        Files.writeString(data.resolve("products.csv"), "code,name\n3017620422003,Nutella\n5449000000996,Coca-Cola\n");
        src.zfs("snapshot", SOURCE_DS + "@autosnap_2026-01-01_01:00:00_hourly").ok();

        Result first = syncoid();
        assertEquals(0, first.exit(), first.toString());
        assertSameSnapshots();
        assertSameTree(data, dst.mountpoint(TARGET_DS));
        List<String> sourceCalls = src.calls();
        assertTrue(sourceCalls.contains("zfs send " + SOURCE_DS + "@autosnap_2026-01-01_00:00:00_hourly"), sourceCalls.toString());
        assertTrue(sourceCalls.contains("zfs send -I " + SOURCE_DS + "@autosnap_2026-01-01_00:00:00_hourly "
                + SOURCE_DS + "@autosnap_2026-01-01_01:00:00_hourly"), sourceCalls.toString());
        assertTrue(dst.calls().contains("zfs receive -s -F " + TARGET_DS), dst.calls().toString());

        // changes, two more snapshots, then an incremental run
        Files.delete(data.resolve("latest.csv"));
        Files.write(data.resolve("images/301/762/2.jpg"), bytes(random, 50_000));
        Files.writeString(data.resolve("products.csv"), "code,name\n");
        src.zfs("snapshot", SOURCE_DS + "@autosnap_2026-01-01_02:00:00_hourly").ok();
        Files.writeString(data.resolve("stats.txt"), "42\n");
        src.zfs("snapshot", SOURCE_DS + "@autosnap_2026-01-01_03:00:00_hourly").ok();

        Result second = syncoid();
        assertEquals(0, second.exit(), second.toString());
        assertSameSnapshots();
        assertSameTree(data, dst.mountpoint(TARGET_DS));
        assertTrue(src.calls().contains("zfs send -I " + SOURCE_DS + "@autosnap_2026-01-01_01:00:00_hourly "
                + SOURCE_DS + "@autosnap_2026-01-01_03:00:00_hourly"), src.calls().toString());
        assertTrue(dst.calls().contains("zfs rollback -R " + TARGET_DS + "@autosnap_2026-01-01_01:00:00_hourly"),
                dst.calls().toString());

        Result third = syncoid();
        assertEquals(0, third.exit(), third.toString());
        assertTrue(third.out().contains("Nothing to do"), third.toString());
    }

    @Test
    void syncoidResumesAnInterruptedReceive() throws IOException {
        Path data = src.mountpoint(SOURCE_DS);
        Random random = new Random(7);
        Files.write(data.resolve("dump.bin"), bytes(random, 3_000_000));
        Files.writeString(data.resolve("README"), "first\n");
        src.zfs("snapshot", SOURCE_DS + "@s1").ok();

        // the source's next send stops after 1 MB: a full receive is cut
        Files.writeString(src.state.resolve("faults"), "cut-send 1000000\n");
        Result cut = syncoid();
        assertNotEquals(0, cut.exit(), cut.toString());
        String token = dst.zfs("get", "-H", "-o", "value", "receive_resume_token", TARGET_DS).ok().out().strip();
        assertTrue(token.startsWith("1-"), token);
        assertEquals(List.of(), dst.snapshots(TARGET_DS));

        Result resumed = syncoid();
        assertEquals(0, resumed.exit(), resumed.toString());
        assertTrue(resumed.out().contains("Resuming interrupted zfs send/receive"), resumed.toString());
        assertTrue(src.calls().stream().anyMatch(l -> l.equals("zfs send -t " + token)), src.calls().toString());
        assertTrue(src.calls().stream().anyMatch(l -> l.equals("zfs send -nvP -t " + token)), src.calls().toString());
        assertEquals("-", dst.zfs("get", "-H", "-o", "value", "receive_resume_token", TARGET_DS).ok().out().strip());
        assertSameSnapshots();
        assertSameTree(data, dst.mountpoint(TARGET_DS));

        // an incremental receive is cut in the middle of a file, then resumed from there
        Files.write(data.resolve("dump2.bin"), bytes(random, 2_000_000));
        Files.writeString(data.resolve("README"), "second\n");
        src.zfs("snapshot", SOURCE_DS + "@s2").ok();
        Files.writeString(src.state.resolve("faults"), "cut-send 700000\n");
        Result cut2 = syncoid();
        assertNotEquals(0, cut2.exit(), cut2.toString());
        String token2 = dst.zfs("get", "-H", "-o", "value", "receive_resume_token", TARGET_DS).ok().out().strip();
        assertTrue(token2.startsWith("1-"), token2);
        Result estimate = src.zfs("send", "-nvP", "-t", token2).ok();
        long remaining = Long.parseLong(estimate.lines().get(estimate.lines().size() - 1).split("\t")[1]);
        assertTrue(remaining < 2_000_000 - 500_000, "resumes mid-file, " + remaining + " bytes left:\n" + estimate);

        Result resumed2 = syncoid();
        assertEquals(0, resumed2.exit(), resumed2.toString());
        assertSameSnapshots();
        assertSameTree(data, dst.mountpoint(TARGET_DS));
    }

    private Result syncoid() {
        String remote = "syncoid --no-sync-snap --no-privilege-elevation --recursive"
                + " --sshkey=" + key.privateKey() + " --sshport=" + source.port()
                + " --sshoption=StrictHostKeyChecking=no --sshoption=UserKnownHostsFile=/dev/null"
                + " --sshoption=LogLevel=ERROR"
                + " root@" + source.address() + ":" + SOURCE_DS + " " + TARGET_DS;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", StandIn.SYSTEM_PATH);
        env.put("HOME", dir.resolve("home").toString());
        env.put("LANG", "C.UTF-8");
        return StandIn.run(env, null, Duration.ofSeconds(120), List.of("ssh", "-i", key.privateKey().toString(),
                "-p", String.valueOf(target.port()), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "root@" + target.address(), remote));
    }

    /** Same snapshot names, guids and creation times on both sides. */
    private void assertSameSnapshots() {
        List<String> want = src.zfs("list", "-Hp", "-o", "name,guid,creation", "-t", "snapshot", SOURCE_DS).ok().lines();
        List<String> got = dst.zfs("list", "-Hp", "-o", "name,guid,creation", "-t", "snapshot", TARGET_DS).ok().lines();
        assertEquals(want.stream().map(l -> l.replace(SOURCE_DS + "@", "@")).toList(),
                got.stream().map(l -> l.replace(TARGET_DS + "@", "@")).toList());
        assertTrue(!want.isEmpty());
    }

    static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Both trees hold the same paths, file bytes and symlink targets. */
    static void assertSameTree(Path expected, Path actual) throws IOException {
        Map<String, String> a = describe(expected);
        Map<String, String> b = describe(actual);
        assertEquals(a.keySet(), b.keySet());
        for (String rel : a.keySet()) {
            assertEquals(a.get(rel), b.get(rel), rel);
            if (a.get(rel).equals("file")) {
                assertEquals(-1L, Files.mismatch(expected.resolve(rel), actual.resolve(rel)), "bytes of " + rel);
            }
        }
    }

    private static Map<String, String> describe(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(all::add);
        }
        for (Path p : all) {
            String rel = root.relativize(p).toString();
            if (Files.isSymbolicLink(p)) {
                out.put(rel, "link:" + Files.readSymbolicLink(p));
            } else if (Files.isDirectory(p)) {
                out.put(rel, "dir");
            } else {
                out.put(rel, "file");
            }
        }
        return out;
    }
}
