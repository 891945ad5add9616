package org.offops.testkit.zfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.offops.testkit.zfs.StandIn.Host;

/** The real sanoid 2.1 (Debian package "sanoid") taking and pruning snapshots on the zfs stand-in. */
class SanoidOnStandInTest {

    private static final String DATASET = "rpool/off/products";
    private static final DateTimeFormatter FAKETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SNAPNAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH:mm:ss").withZone(ZoneOffset.UTC);
    /** Production-like policy (the local_data template of the OFF fleet). */
    private static final String SANOID_CONF = """
            [rpool/off/products]
            \tuse_template = local_data

            [template_local_data]
            \tfrequently = 0
            \thourly = 36
            \tdaily = 30
            \tmonthly = 3
            \tyearly = 0
            \tautosnap = yes
            \tautoprune = yes
            """;

    private Path dir;
    private Host host;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(StandIn.executable("/usr/sbin/sanoid"), "needs Debian package sanoid");
        dir = Files.createTempDirectory("sanoid-standin-");
        host = new Host(StandIn.installBin(dir.resolve("bin")), dir.resolve("state"), dir.resolve("home"));
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/sanoid.conf"), SANOID_CONF);
        host.zpool("create", "rpool").ok();
        host.zfs("create", "-p", DATASET).ok();
    }

    @AfterEach
    void tearDown() {
        StandIn.deleteTree(dir);
    }

    @Test
    void sanoidTakesSnapshotsOnTheStandIn() throws IOException {
        long before = Instant.now().getEpochSecond();
        StandIn.Result r = host.cmd(sanoid("--take-snapshots", "--verbose")).ok();
        long after = Instant.now().getEpochSecond();

        List<String> snaps = host.snapshots(DATASET);
        Pattern name = Pattern.compile("rpool/off/products@autosnap_\\d{4}-\\d\\d-\\d\\d_\\d\\d:\\d\\d:\\d\\d_(monthly|daily|hourly)");
        assertEquals(3, snaps.size(), r.toString());
        for (String type : List.of("monthly", "daily", "hourly")) {
            assertEquals(1, snaps.stream().filter(s -> name.matcher(s).matches() && s.endsWith("_" + type)).count(),
                    type + " in " + snaps);
        }
        for (String s : snaps) {
            long creation = Long.parseLong(host.zfs("get", "-Hp", "-o", "value", "creation", s).ok().out().strip());
            assertTrue(creation >= before && creation <= after, s + " created at " + creation);
            assertTrue(r.out().contains("taking snapshot " + s), r.out());
        }
        List<String> calls = host.calls();
        assertTrue(calls.contains("zfs get -Hrpt snapshot creation"), calls.toString());
        for (String s : snaps) {
            assertTrue(calls.contains("zfs snapshot " + s), calls.toString());
        }
    }

    @Test
    void sanoidPrunesOnTheStandInUnderAFakeClock() throws IOException {
        assumeTrue(StandIn.executable("/usr/bin/faketime"), "needs Debian package faketime");
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

        // hours: sanoid's first run, then hourly history as sanoid would have taken it, then sanoid every hour
        sanoidAt(t0, "--cron");
        for (int h = 1; h <= 32; h++) {
            seed(t0.plus(h, ChronoUnit.HOURS), "hourly");
        }
        for (int h = 33; h <= 40; h++) {
            sanoidAt(t0.plus(h, ChronoUnit.HOURS), "--cron");
        }
        List<String> hourly = ofType("hourly");
        // 36 kept, plus the one exactly on the boundary (now - 36 h is not "older than" the policy)
        assertEquals(37, hourly.size(), hourly.toString());
        assertEquals(DATASET + "@autosnap_2026-01-01_04:00:00_hourly", hourly.get(0));
        assertTrue(hourly.get(36).startsWith(DATASET + "@autosnap_2026-01-02_16:00:"), hourly.toString());
        List<String> destroyed = destroyedByCalls();
        assertEquals(List.of(snap("2026-01-01_00:00:00_hourly"), snap("2026-01-01_01:00:00_hourly"),
                snap("2026-01-01_02:00:00_hourly"), snap("2026-01-01_03:00:00_hourly")), destroyed);

        // days: daily history up to day 29, then sanoid at 23:59:30 on days 30..32 and a prune-only run
        for (int d = 2; d <= 29; d++) {
            seed(t0.plus(d, ChronoUnit.DAYS).plus(86340, ChronoUnit.SECONDS), "daily");
        }
        for (int d = 30; d <= 32; d++) {
            sanoidAt(t0.plus(d, ChronoUnit.DAYS).plus(86370, ChronoUnit.SECONDS), "--cron");
        }
        sanoidAt(t0.plus(32, ChronoUnit.DAYS).plus(86370, ChronoUnit.SECONDS), "--prune-snapshots");
        List<String> daily = ofType("daily");
        assertEquals(30, daily.size(), daily.toString());
        assertEquals(DATASET + "@autosnap_2026-01-04_23:59:00_daily", daily.get(0), "oldest daily within 30 days");
        assertTrue(destroyedByCalls().containsAll(List.of(snap("2026-01-01_00:00:00_daily"),
                snap("2026-01-03_23:59:00_daily"))), destroyedByCalls().toString());

        // months: sanoid on the first of March, April and May
        for (String day : List.of("2026-03-01", "2026-04-01", "2026-05-01")) {
            sanoidAt(Instant.parse(day + "T00:00:30Z"), "--cron");
        }
        List<String> monthly = ofType("monthly");
        // monthly=3 keeps nothing older than 3 x 31 days: February's, March's, April's and May's remain
        assertEquals(4, monthly.size(), monthly.toString());
        assertTrue(monthly.get(0).startsWith(DATASET + "@autosnap_2026-02-01_"), monthly.toString());
        assertTrue(monthly.get(3).startsWith(DATASET + "@autosnap_2026-05-01_"), monthly.toString());
        assertTrue(destroyedByCalls().contains(snap("2026-01-01_00:00:00_monthly")), destroyedByCalls().toString());
        for (String s : host.snapshots(DATASET)) {
            assertTrue(s.contains("_hourly") || s.contains("_daily") || s.contains("_monthly"), s);
        }
    }

    private List<String> sanoid(String... mode) {
        List<String> c = new ArrayList<>(List.of("sanoid", "--configdir=" + dir.resolve("conf"),
                "--cache-dir=" + dir.resolve("cache"), "--run-dir=" + dir.resolve("run")));
        c.addAll(List.of(mode));
        return c;
    }

    private void sanoidAt(Instant t, String mode) throws IOException {
        // the cache's mtime is real time: a fake clock in the past would always see it as fresh
        Files.deleteIfExists(dir.resolve("cache/snapshots.txt"));
        List<String> c = new ArrayList<>(List.of("faketime", FAKETIME.format(t)));
        c.addAll(sanoid(mode, "--verbose"));
        host.cmd(c).ok();
    }

    /** A snapshot exactly as sanoid names it, created with the stand-in under the same fake clock. */
    private void seed(Instant t, String type) {
        host.cmd("faketime", FAKETIME.format(t), "zfs", "snapshot", DATASET + "@autosnap_" + SNAPNAME.format(t) + "_" + type).ok();
    }

    private List<String> ofType(String type) {
        return host.snapshots(DATASET).stream().filter(s -> s.endsWith("_" + type)).toList();
    }

    /** Destroyed snapshots, to the minute: a loaded machine can start sanoid a second or two into its fake minute. */
    private List<String> destroyedByCalls() throws IOException {
        return host.calls().stream().filter(l -> l.startsWith("zfs destroy ")).map(l -> toMinute(l.substring(12)))
                .toList();
    }

    private static String snap(String suffix) {
        return toMinute(DATASET + "@autosnap_" + suffix);
    }

    private static String toMinute(String snapshot) {
        return snapshot.replaceAll(":\\d\\d_(hourly|daily|monthly)$", "_$1");
    }
}
