package org.offops.storage.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.offops.storage.domain.sanoid.PolicyResolver;
import org.offops.storage.domain.sanoid.SanoidConfParser;
import org.offops.storage.domain.sanoid.SanoidConfWriter;
import org.offops.storage.domain.snapshot.PrunePlanner;
import org.offops.storage.domain.snapshot.Snapshot;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

/**
 * The REAL sanoid 2.1.0 (Debian) decides retention on the zfs stand-in under a frozen fake clock, over 220 seeded
 * histories; the PrunePlanner, given the same policy file and the stand-in's own snapshot listing, decides the same.
 */
class SanoidPruneConformanceTest {

    private static final int HISTORIES = 220;
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final DateTimeFormatter FAKETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final Pattern PRUNING = Pattern.compile("INFO: pruning (\\S+)@(\\S+) \\.\\.\\.");

    @Test
    void plannerDecidesWhatRealSanoidDecidesOnGeneratedHistories() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sanoid")), "needs Debian package sanoid");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/faketime")), "needs Debian package faketime");
        HistoryGenerator generator = new HistoryGenerator(20260301L, NOW);
        List<HistoryGenerator.History> histories = new ArrayList<>();
        for (int i = 0; i < HISTORIES; i++) {
            histories.add(generator.next(i));
        }
        try (LocalZfs zfs = new LocalZfs()) {
            zfs.zpool("create", "rpool");
            for (HistoryGenerator.History h : histories) {
                zfs.zfs("create", h.dataset());
            }
            createAtTheirTimes(zfs, histories);
            Path conf = Files.createDirectories(zfs.dir().resolve("conf"));
            Map<String, SnapshotPolicy> wanted = new TreeMap<>();
            histories.forEach(h -> wanted.put(h.dataset(), h.policy()));
            String text = SanoidConfWriter.render(wanted);
            Files.writeString(conf.resolve("sanoid.conf"), text);

            Map<String, Set<String>> bySanoid = sanoidDecides(zfs, conf);
            Map<String, SnapshotPolicy> policies = PolicyResolver.resolve(SanoidConfParser.parse(text).conf(),
                    List.copyOf(wanted.keySet()));
            Map<String, List<Snapshot>> listing = listing(zfs);
            List<String> mismatches = new ArrayList<>();
            int destroyed = 0;
            for (HistoryGenerator.History h : histories) {
                Set<String> ours = new TreeSet<>(PrunePlanner.plan(policies.get(h.dataset()),
                        listing.getOrDefault(h.dataset(), List.of()), NOW, Set.of()).destroyedNames());
                Set<String> theirs = new TreeSet<>(bySanoid.getOrDefault(h.dataset(), Set.of()));
                destroyed += theirs.size();
                if (!ours.equals(theirs)) {
                    mismatches.add(h.dataset() + " (" + h.kind() + ", " + h.policy() + "): sanoid " + theirs
                            + " planner " + ours);
                }
            }
            assertEquals(List.of(), mismatches);
            assertTrue(destroyed > HISTORIES, "the histories must make sanoid prune something: " + destroyed);
            assertTrue(histories.stream().map(HistoryGenerator.History::kind).distinct().count() == 5);
        }
    }

    /** One frozen-clock zfs call per distinct creation time, snapshotting every dataset due at that second. */
    private static void createAtTheirTimes(LocalZfs zfs, List<HistoryGenerator.History> histories) {
        Map<Long, List<String>> byTime = new TreeMap<>();
        for (HistoryGenerator.History h : histories) {
            h.snapshots().forEach(s -> byTime.computeIfAbsent(s.creation(), t -> new ArrayList<>())
                    .add(h.dataset() + "@" + s.name()));
        }
        byTime.forEach((time, snaps) -> {
            List<String> c = new ArrayList<>(List.of("faketime", "-f", FAKETIME.format(Instant.ofEpochSecond(time)),
                    zfs.dir().resolve("bin/zfs").toString(), "snapshot"));
            c.addAll(snaps);
            zfs.run(c);
        });
    }

    private static Map<String, Set<String>> sanoidDecides(LocalZfs zfs, Path conf) {
        String out = zfs.run(List.of("faketime", "-f", FAKETIME.format(NOW), "/usr/sbin/sanoid",
                "--configdir=" + conf, "--cache-dir=" + zfs.dir().resolve("cache"),
                "--run-dir=" + zfs.dir().resolve("run"), "--prune-snapshots", "--readonly", "--verbose"));
        Map<String, Set<String>> decided = new HashMap<>();
        Matcher m = PRUNING.matcher(out);
        while (m.find()) {
            decided.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
        }
        return decided;
    }

    /** The stand-in's own answer to sanoid's listing call, so both deciders see the very same history. */
    private static Map<String, List<Snapshot>> listing(LocalZfs zfs) {
        Map<String, List<Snapshot>> byDataset = new HashMap<>();
        for (String line : zfs.zfs("get", "-Hrpt", "snapshot", "creation").split("\n")) {
            String[] f = line.split("\t");
            if (f.length >= 3 && f[0].contains("@")) {
                String[] name = f[0].split("@", 2);
                byDataset.computeIfAbsent(name[0], k -> new ArrayList<>()).add(new Snapshot(name[1],
                        Long.parseLong(f[2])));
            }
        }
        return byDataset;
    }
}
