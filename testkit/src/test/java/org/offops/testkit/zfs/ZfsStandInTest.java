package org.offops.testkit.zfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.offops.testkit.zfs.StandIn.Host;
import org.offops.testkit.zfs.StandIn.Result;

/** The stand-in's command-line contract: OpenZFS 2.x output formats, errors and exit codes. */
class ZfsStandInTest {

    private static Path fixtureDir;
    private static Host fixture;

    private Path dir;
    private Host host;

    /**
     * tank, tank/a (6 bytes of data), tank/a/b (user property x:y=1), tank/a@s1 and tank/a/b@s1 taken at
     * 2026-01-01 00:00:00 UTC. Read-only for the table below.
     */
    @BeforeAll
    static void createFixture() throws IOException {
        assumeTrue(StandIn.executable("/usr/bin/faketime"), "needs Debian package faketime");
        fixtureDir = Files.createTempDirectory("zfs-standin-fixture-");
        fixture = new Host(StandIn.installBin(fixtureDir.resolve("bin")), fixtureDir.resolve("state"), fixtureDir.resolve("home"));
        fixture.zpool("create", "tank").ok();
        fixture.zfs("create", "tank/a").ok();
        fixture.zfs("create", "-o", "x:y=1", "tank/a/b").ok();
        Files.writeString(fixture.mountpoint("tank/a").resolve("hello.txt"), "hello\n");
        fixture.cmd("faketime", "-f", "2026-01-01 00:00:00", "zfs", "snapshot", "-r", "tank/a@s1").ok();
    }

    @AfterAll
    static void dropFixture() {
        StandIn.deleteTree(fixtureDir);
    }

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory("zfs-standin-");
        host = new Host(StandIn.installBin(dir.resolve("bin")), dir.resolve("state"), dir.resolve("home"));
        host.zpool("create", "tank").ok();
        host.zfs("create", "tank/a").ok();
        Files.writeString(host.mountpoint("tank/a").resolve("f.txt"), "v1\n");
        host.zfs("snapshot", "tank/a@s1").ok();
    }

    @AfterEach
    void tearDown() {
        StandIn.deleteTree(dir);
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                // zfs list: -H tabs, -r / -d / -t, options after operands (glibc getopt), sorting
                ok("list -H -o name -r tank", "tank\ntank/a\ntank/a/b\n"),
                ok("list -H -o name -t snapshot -r tank", "tank/a@s1\ntank/a/b@s1\n"),
                ok("list -H -o name -t all -r tank/a", "tank/a\ntank/a@s1\ntank/a/b\ntank/a/b@s1\n"),
                ok("list -H -o name -t all -d 1 tank/a", "tank/a\ntank/a@s1\ntank/a/b\n"),
                ok("list -H -o name -t filesystem,volume -d 0 tank/a", "tank/a\n"),
                ok("list tank/a -t snapshot -H -o name", "tank/a@s1\n"),
                ok("list -H -o name -S name -r tank", "tank/a/b\ntank/a\ntank\n"),
                ok("list -Hp -o name,used,referenced tank/a/b", "tank/a/b\t0\t0\n"),
                ok("list -Hp -o name,used,referenced,origin tank/a", "tank/a\t6\t6\t-\n"),
                ok("list -o name,refer tank/a", "NAME    REFER\ntank/a     6B\n"),
                ok("list -o name,used,refer -t snapshot tank/a", "NAME        USED  REFER\ntank/a@s1     0B     6B\n"),
                ok("list -H -o name,origin,syncoid:sync tank/a", "tank/a\t-\t-\n"),
                // zfs get: columns, sources, user properties, -p, -d/-t as syncoid and sanoid use them
                ok("get -H x:y tank/a/b", "tank/a/b\tx:y\t1\tlocal\n"),
                ok("get -H x:y tank/a", "tank/a\tx:y\t-\t-\n"),
                ok("get -H -o value,source x:y tank/a/b@s1", "1\tinherited from tank/a/b\n"),
                ok("get -H syncoid:sync tank/a", "tank/a\tsyncoid:sync\t-\t-\n"),
                ok("get -H receive_resume_token tank/a", "tank/a\treceive_resume_token\t-\t-\n"),
                ok("get -H name tank/a", "tank/a\tname\ttank/a\t-\n"),
                ok("get -H -p used tank/a", "tank/a\tused\t6\t-\n"),
                ok("get -Hp -o value creation tank/a@s1", "1767225600\n"),
                ok("get -H -o value creation tank/a@s1", "Thu Jan  1  0:00 2026\n"),
                ok("get -Hpd 1 -t snapshot creation tank/a", "tank/a@s1\tcreation\t1767225600\t-\n"),
                ok("get -Hrpt snapshot creation", "tank/a@s1\tcreation\t1767225600\t-\ntank/a/b@s1\tcreation\t1767225600\t-\n"),
                ok("get -H -o property,value -t snapshot type,origin tank/a", "type\tsnapshot\norigin\t-\n"),
                ok("get -H -o property,value,source -s local x:y,mountpoint tank/a/b", "x:y\t1\tlocal\n"),
                ok("get -o name,property,value x:y tank/a/b", "NAME      PROPERTY  VALUE\ntank/a/b  x:y       1\n"),
                ok("get -H -o value type tank/a tank/a/b@s1", "filesystem\nsnapshot\n"),
                matches("get -Hpd 1 -t snapshot guid,creation tank/a",
                        "tank/a@s1\tguid\t\\d+\t-\ntank/a@s1\tcreation\t1767225600\t-\n"),
                matches("send -nvP tank/a@s1", "full\ttank/a@s1\t(\\d+)\nsize\t\\1\n"),
                ok("holds -H tank/a@s1", ""),
                ok("zpool get -o value -H feature@extensible_dataset tank", "active\n"),
                ok("zpool list -H -o name", "tank\n"),
                // errors: OpenZFS wording; 1 for failures, 2 for usage
                fails("get -H name tank/nope", 1, "cannot open 'tank/nope': dataset does not exist\n"),
                fails("list -H tank/a@nope", 1, "cannot open 'tank/a@nope': dataset does not exist\n"),
                fails("list -Z", 2, "invalid option 'Z'\nusage:\n\tlist [-Hp] [-r|-d max] [-o property[,...]] [-s property]...\n"),
                fails("frobnicate", 2, "unrecognized command 'frobnicate'\nusage: zfs command args ...\n"),
                fails("get -o bogus name tank", 2, "invalid column name 'bogus'\nusage:\n"),
                fails("get nosuchprop tank", 2, "bad property list: invalid property 'nosuchprop'\nusage:\n"),
                fails("get -H", 2, "missing property argument\nusage:\n"),
                fails("snapshot tank/a@s1", 1, "cannot create snapshot 'tank/a@s1': dataset already exists\n"),
                fails("snapshot tank/nope@s1", 2, "cannot open 'tank/nope': dataset does not exist\nusage:\n"),
                fails("destroy tank/a", 1, "cannot destroy 'tank/a': filesystem has children\n"
                        + "use '-r' to destroy the following datasets:\ntank/a/b@s1\ntank/a/b\ntank/a@s1\n"),
                fails("destroy tank", 1, "cannot destroy 'tank': operation does not apply to pools\n"),
                fails("destroy tank/a@nope", 1, "could not find any snapshots to destroy; check snapshot names.\n"),
                fails("set used=5 tank/a", 1, "cannot set property for 'tank/a': 'used' is readonly\n"),
                fails("set compression=bogus tank/a", 1, "cannot set property for 'tank/a': 'compression' must be one of 'on | off | lzjb"),
                fails("set mountpoint=relative tank/a", 1,
                        "cannot set property for 'tank/a': 'mountpoint' must be an absolute path, 'none', or 'legacy'\n"),
                fails("create tank/x/y", 1, "cannot create 'tank/x/y': parent does not exist\n"),
                fails("create tank/a", 1, "cannot create 'tank/a': dataset already exists\n"),
                fails("create nopool/x", 1, "cannot create 'nopool/x': no such pool 'nopool'\n"),
                fails("rollback tank/a@nope", 1, "cannot open 'tank/a@nope': dataset does not exist\n"),
                fails("receive tank/x", 1, "cannot receive: failed to read from stream\n"),
                fails("send -R tank/a@s1", 2, "zfs send -R: not supported by the offops ZFS stand-in\n"),
                fails("zpool get -H -o value health nopool", 1, "cannot open 'nopool': no such pool\n"),
                fails("zpool frob", 2, "unrecognized command 'frob'\n"));
    }

    private static Arguments ok(String cmd, String out) {
        return Arguments.of(cmd, 0, Pattern.quote(out), "");
    }

    private static Arguments matches(String cmd, String outRegex) {
        return Arguments.of(cmd, 0, outRegex, "");
    }

    private static Arguments fails(String cmd, int exit, String errPrefix) {
        return Arguments.of(cmd, exit, "", errPrefix);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void commandOutputMatchesOpenZfs(String cmd, int exit, String outRegex, String errPrefix) {
        List<String> argv = new ArrayList<>(List.of(cmd.split(" ")));
        if (!argv.get(0).equals("zpool")) {
            argv.add(0, "zfs");
        }
        Result r = fixture.cmd(argv);
        assertEquals(exit, r.exit(), r.toString());
        assertTrue(Pattern.compile(outRegex, Pattern.DOTALL).matcher(r.out()).matches(), r.toString());
        if (errPrefix.isEmpty()) {
            assertEquals("", r.err(), r.toString());
        } else {
            assertTrue(r.err().startsWith(errPrefix), r.toString());
        }
    }

    @Test
    void writtenCountsWhatChangedSinceTheNewestSnapshot() throws IOException {
        assertEquals("0\n", written(), "nothing changed since s1");
        Files.writeString(host.mountpoint("tank/a").resolve("g.txt"), "12345");
        assertEquals("5\n", written(), "a new file");
        Files.writeString(host.mountpoint("tank/a").resolve("f.txt"), "v2 longer\n");
        assertEquals("15\n", written(), "and a rewritten one, counted whole");
        host.zfs("snapshot", "tank/a@s2").ok();
        assertEquals("0\n", written(), "the newest snapshot holds it all");
        Files.delete(host.mountpoint("tank/a").resolve("g.txt"));
        assertEquals("512\n", written(), "a removal rewrites its directory");
        host.zfs("create", "tank/fresh").ok();
        Files.writeString(host.mountpoint("tank/fresh").resolve("x"), "abc");
        assertEquals("3\n", host.zfs("get", "-Hp", "-o", "value", "written", "tank/fresh").ok().out(),
                "without a snapshot, everything referenced");
    }

    private String written() {
        return host.zfs("get", "-Hp", "-o", "value", "written", "tank/a").ok().out();
    }

    @Test
    void destroyRefusesHeldSnapshots() {
        host.zfs("hold", "keep", "tank/a@s1").ok();
        Result held = host.zfs("hold", "keep", "tank/a@s1");
        assertEquals(1, held.exit());
        assertEquals("cannot hold snapshot 'tank/a@s1': tag already exists on this dataset\n", held.err());
        assertTrue(Pattern.matches("tank/a@s1\tkeep\t\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d \\d{4}\n",
                host.zfs("holds", "-H", "tank/a@s1").ok().out()));
        assertEquals("tank/a@s1\tuserrefs\t1\t-\n", host.zfs("get", "-H", "userrefs", "tank/a@s1").ok().out());

        Result busy = host.zfs("destroy", "tank/a@s1");
        assertEquals(1, busy.exit());
        assertEquals("cannot destroy snapshot tank/a@s1: dataset is busy\n", busy.err());
        assertEquals(List.of("tank/a@s1"), host.snapshots("tank/a"));

        Result release = host.zfs("release", "other", "tank/a@s1");
        assertEquals(1, release.exit());
        assertEquals("cannot release hold from snapshot 'tank/a@s1': no such tag on this dataset\n", release.err());
        host.zfs("destroy", "-d", "tank/a@s1").ok();
        assertEquals("tank/a@s1\tdefer_destroy\ton\t-\n", host.zfs("get", "-H", "defer_destroy", "tank/a@s1").ok().out());
        host.zfs("release", "keep", "tank/a@s1").ok();
        assertEquals(List.of(), host.snapshots("tank/a"), "a deferred destroy happens on the last release");
    }

    @Test
    void cloneAndPromote() throws IOException {
        host.zfs("clone", "-o", "team:owner=off", "tank/a@s1", "tank/c").ok();
        assertEquals("tank/a@s1\n", host.zfs("get", "-H", "-o", "value", "origin", "tank/c").ok().out());
        assertEquals("tank/c\n", host.zfs("get", "-H", "-o", "value", "clones", "tank/a@s1").ok().out());
        assertEquals("v1\n", Files.readString(host.mountpoint("tank/c").resolve("f.txt")));
        Files.writeString(host.mountpoint("tank/c").resolve("f.txt"), "clone\n");
        assertEquals("v1\n", Files.readString(host.mountpoint("tank/a").resolve("f.txt")), "a clone is a copy");

        Result refused = host.zfs("destroy", "tank/a@s1");
        assertEquals(1, refused.exit());
        assertEquals("cannot destroy 'tank/a@s1': snapshot has dependent clones\n"
                + "use '-R' to destroy the following datasets:\ntank/c\n", refused.err());

        host.zfs("promote", "tank/c").ok();
        assertEquals(List.of("tank/c@s1"), host.snapshots("tank/c"));
        assertEquals(List.of(), host.snapshots("tank/a"));
        assertEquals("tank/c@s1\n", host.zfs("get", "-H", "-o", "value", "origin", "tank/a").ok().out());
        assertEquals("-\n", host.zfs("get", "-H", "-o", "value", "origin", "tank/c").ok().out());
        Result notClone = host.zfs("promote", "tank/c");
        assertEquals("cannot promote 'tank/c': not a cloned filesystem\n", notClone.err());

        host.zfs("destroy", "-R", "tank/c@s1").ok();
        assertEquals("tank\ntank/c\n", host.zfs("list", "-H", "-o", "name", "-r", "tank").ok().out());
    }

    @Test
    void rollbackWithDashCapitalRDestroysLaterSnapshotsAndTheirClones() throws IOException {
        Path data = host.mountpoint("tank/a");
        Files.writeString(data.resolve("f.txt"), "v2\n");
        Files.writeString(data.resolve("new.txt"), "new\n");
        host.zfs("snapshot", "tank/a@s2").ok();
        host.zfs("clone", "tank/a@s2", "tank/c2").ok();
        Files.writeString(data.resolve("f.txt"), "v3\n");

        Result plain = host.zfs("rollback", "tank/a@s1");
        assertEquals(1, plain.exit());
        assertEquals("cannot rollback to 'tank/a@s1': more recent snapshots or bookmarks exist\n"
                + "use '-r' to force deletion of the following snapshots and bookmarks:\ntank/a@s2\n", plain.err());
        Result r = host.zfs("rollback", "-r", "tank/a@s1");
        assertEquals(1, r.exit());
        assertEquals("cannot rollback to 'tank/a@s1': clones of previous snapshots exist\n"
                + "use '-R' to force deletion of the following clones and dependents:\ntank/c2\n", r.err());

        host.zfs("rollback", "-R", "tank/a@s1").ok();
        assertEquals(List.of("tank/a@s1"), host.snapshots("tank/a"));
        assertEquals(1, host.zfs("list", "tank/c2").exit());
        assertEquals("v1\n", Files.readString(data.resolve("f.txt")));
        assertFalse(Files.exists(data.resolve("new.txt")));
    }

    @Test
    void receiveChecksTheIncrementalBaseByGuid() throws IOException {
        Path full = dir.resolve("full.zstream");
        Path incr = dir.resolve("incr.zstream");
        host.cmd("sh", "-c", "zfs send tank/a@s1 > " + full).ok();
        host.pipe(full, "zfs", "receive", "tank/copy").ok();
        assertEquals(host.zfs("get", "-H", "-o", "value", "guid", "tank/a@s1").ok().out(),
                host.zfs("get", "-H", "-o", "value", "guid", "tank/copy@s1").ok().out());
        assertEquals("v1\n", Files.readString(host.mountpoint("tank/copy").resolve("f.txt")));

        Result again = host.pipe(full, "zfs", "receive", "tank/copy");
        assertEquals(1, again.exit());
        assertEquals("cannot receive new filesystem stream: destination 'tank/copy' exists\n"
                + "must specify -F to overwrite it\n", again.err());

        // an unrelated dataset's incremental stream: its from-snapshot guid is not on tank/copy
        host.zfs("create", "tank/other").ok();
        host.zfs("snapshot", "tank/other@s1").ok();
        host.zfs("snapshot", "tank/other@s2").ok();
        host.cmd("sh", "-c", "zfs send -i @s1 tank/other@s2 > " + incr).ok();
        Result wrong = host.pipe(incr, "zfs", "receive", "-F", "tank/copy");
        assertEquals(1, wrong.exit());
        assertEquals("cannot receive incremental stream: most recent snapshot of tank/copy does not\n"
                + "match incremental source\n", wrong.err());

        // the right base, but the destination was written to since its newest snapshot
        Files.writeString(host.mountpoint("tank/a").resolve("f.txt"), "v2\n");
        host.zfs("snapshot", "tank/a@s2").ok();
        host.cmd("sh", "-c", "zfs send -i tank/a@s1 tank/a@s2 > " + incr).ok();
        Files.writeString(host.mountpoint("tank/copy").resolve("local.txt"), "local change\n");
        Result modified = host.pipe(incr, "zfs", "receive", "tank/copy");
        assertEquals(1, modified.exit());
        assertEquals("cannot receive incremental stream: destination tank/copy has been modified\n"
                + "since most recent snapshot\n", modified.err());
        host.pipe(incr, "zfs", "receive", "-F", "tank/copy").ok();
        assertEquals(List.of("tank/copy@s1", "tank/copy@s2"), host.snapshots("tank/copy"));
        assertEquals("v2\n", Files.readString(host.mountpoint("tank/copy").resolve("f.txt")));
        assertFalse(Files.exists(host.mountpoint("tank/copy").resolve("local.txt")), "-F rolled back first");
    }

    @Test
    void faultHooksFailCallsCutStreamsAndFillTheDisk() throws IOException {
        Files.writeString(host.state.resolve("faults"), "fail 1 snapshot\n");
        Result failed = host.zfs("snapshot", "tank/a@f1");
        assertEquals(1, failed.exit());
        assertEquals("cannot snapshot: I/O error\n", failed.err());
        host.zfs("snapshot", "tank/a@f1").ok();

        Files.writeString(host.state.resolve("faults"), "disk-full\n");
        Result full = host.zfs("snapshot", "tank/a@f2");
        assertEquals(1, full.exit());
        assertEquals("cannot create snapshot 'tank/a@f2': out of space\n", full.err());
        assertEquals("tank/a\tavailable\t0\t-\n", host.zfs("get", "-Hp", "available", "tank/a").ok().out());
        Files.delete(host.state.resolve("faults"));

        Files.write(host.mountpoint("tank/a").resolve("big.bin"), new byte[300_000]);
        host.zfs("snapshot", "tank/a@f3").ok();
        Path cut = dir.resolve("cut.zstream");
        Files.writeString(host.state.resolve("faults"), "cut-send 100000\n");
        Result send = host.cmd("sh", "-c", "zfs send tank/a@f3 > " + cut);
        assertEquals(1, send.exit());
        assertEquals("warning: cannot send 'tank/a@f3': Input/output error\n", send.err());
        assertEquals(100_000, Files.size(cut));

        Result plain = host.pipe(cut, "zfs", "receive", "tank/r1");
        assertEquals(1, plain.exit());
        assertEquals("cannot receive new filesystem stream: incomplete stream\n", plain.err());
        assertEquals(1, host.zfs("list", "tank/r1").exit(), "nothing kept without -s");

        Result resumable = host.pipe(cut, "zfs", "receive", "-s", "tank/r2");
        assertEquals(1, resumable.exit());
        String token = host.zfs("get", "-H", "-o", "value", "receive_resume_token", "tank/r2").ok().out().strip();
        assertTrue(resumable.err().startsWith("cannot receive new filesystem stream: checksum mismatch or incomplete stream.\n"
                + "Partially received snapshot is saved.\n"
                + "A resuming stream can be generated on the sending system by running:\n    zfs send -t " + token + "\n"),
                resumable.toString());
        Result estimate = host.zfs("send", "-nvP", "-t", token).ok();
        assertTrue(estimate.out().startsWith("resume token contents:\nnvlist version: 0\n"), estimate.out());
        assertTrue(estimate.out().contains("\ttoname = tank/a@f3\n"), estimate.out());

        Result resumed = host.cmd("sh", "-c", "zfs send -t " + token + " | zfs receive -s tank/r2");
        assertEquals(0, resumed.exit(), resumed.toString());
        SyncoidOnStandInTest.assertSameTree(host.mountpoint("tank/a"), host.mountpoint("tank/r2"));

        host.pipe(cut, "zfs", "receive", "-s", "tank/r3");
        host.zfs("receive", "-A", "tank/r3").ok();
        assertEquals(1, host.zfs("list", "tank/r3").exit(), "receive -A drops a partial new filesystem");
        Result nothing = host.zfs("receive", "-A", "tank/a");
        assertEquals("'tank/a' does not have any resumable receive state to abort\n", nothing.err());
    }

    @Test
    void concurrentCallsAreSerialized() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Result>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String name = i % 2 == 0 ? "tank/a@p" + i : "tank/d" + i;
                String verb = i % 2 == 0 ? "snapshot" : "create";
                results.add(pool.submit(() -> host.zfs(verb, name)));
            }
            for (Future<Result> f : results) {
                f.get().ok();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(9, host.snapshots("tank/a").size());
        assertEquals(8 + 2, host.zfs("list", "-H", "-o", "name", "-r", "tank").ok().lines().size());
        assertEquals(4 + 16 + 2, host.calls().size(), "setUp's 4 calls, the 16 concurrent ones and the 2 lists");
    }
}
