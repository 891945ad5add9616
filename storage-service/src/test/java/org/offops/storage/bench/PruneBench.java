package org.offops.storage.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.offops.storage.conformance.LocalZfs;
import org.offops.storage.domain.sanoid.SanoidConfWriter;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.PrunePlanner;
import org.offops.storage.domain.snapshot.Snapshot;
import org.offops.storage.domain.snapshot.SnapshotName;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

/**
 * Benchmark (not a test): PrunePlanner over N snapshots of one dataset versus the real sanoid deciding the same
 * history (fed through sanoid's own snapshot cache, with the zfs stand-in on PATH). Prints times and the ratio.
 */
public final class PruneBench {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Pattern PRUNING = Pattern.compile("INFO: pruning (\\S+)@(\\S+) \\.\\.\\.");

    private PruneBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        SnapshotPolicy policy = SnapshotPolicy.localData().withChildFlags();
        List<Snapshot> history = history(n);

        long[] runs = new long[7];
        Set<String> ours = Set.of();
        for (int i = 0; i < runs.length; i++) {
            long t0 = System.nanoTime();
            ours = new TreeSet<>(PrunePlanner.plan(policy, history, NOW, Set.of()).destroyedNames());
            runs[i] = System.nanoTime() - t0;
        }
        Arrays.sort(runs);
        double plannerMs = runs[runs.length / 2] / 1e6;

        try (LocalZfs zfs = new LocalZfs()) {
            zfs.zpool("create", "rpool");
            zfs.zfs("create", "rpool/bench");
            Path conf = Files.createDirectories(zfs.dir().resolve("conf"));
            Files.writeString(conf.resolve("sanoid.conf"), SanoidConfWriter.render(Map.of("rpool/bench", policy)));
            Path cache = Files.createDirectories(zfs.dir().resolve("cache")).resolve("snapshots.txt");
            StringBuilder lines = new StringBuilder();
            history.forEach(s -> lines.append("rpool/bench@").append(s.name()).append("\tcreation\t")
                    .append(s.creation()).append("\t-\n"));
            Files.writeString(cache, lines);
            Files.setLastModifiedTime(cache, FileTime.from(Instant.now()));
            long t0 = System.nanoTime();
            String out = zfs.run(List.of("faketime", "-f",
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(NOW),
                    "/usr/sbin/sanoid", "--configdir=" + conf, "--cache-dir=" + cache.getParent(),
                    "--run-dir=" + zfs.dir().resolve("run"), "--prune-snapshots", "--readonly", "--force-prune",
                    "--verbose"));
            double sanoidMs = (System.nanoTime() - t0) / 1e6;
            Set<String> theirs = new TreeSet<>();
            Matcher m = PRUNING.matcher(out);
            while (m.find()) {
                theirs.add(m.group(2));
            }
            System.out.printf("snapshots=%d destroyed=%d sameSetAsSanoid=%s%n", n, ours.size(), ours.equals(theirs));
            System.out.printf("planner median of %d: %.1f ms%n", runs.length, plannerMs);
            System.out.printf("sanoid 2.1.0 (one run, incl. perl start): %.1f ms%n", sanoidMs);
            System.out.printf("ratio sanoid/planner: %.0fx%n", sanoidMs / plannerMs);
        }
    }

    /** An hourly-run history with missed runs: hourlies, dailies, monthlies going back as far as n needs. */
    static List<Snapshot> history(int n) {
        Random random = new Random(42);
        List<Snapshot> snaps = new ArrayList<>(n);
        long t = NOW.getEpochSecond();
        while (snaps.size() < n) {
            t -= 3600;
            if (random.nextInt(10) == 0) {
                continue;
            }
            snaps.add(snap(t, Period.HOURLY));
            if (t % 86400 == 82800) {
                snaps.add(snap(t + 1, Period.DAILY));
            }
            if (t % (86400L * 30) == 0) {
                snaps.add(snap(t + 2, Period.MONTHLY));
            }
        }
        return snaps;
    }

    private static Snapshot snap(long t, Period p) {
        return new Snapshot(new SnapshotName(Instant.ofEpochSecond(t), p).format(), t);
    }
}
