package org.offops.storage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.offops.storage.domain.mount.ContainerMounts;
import org.offops.storage.domain.mount.MountPlan;
import org.offops.storage.domain.mount.MountPlanner;
import org.offops.storage.domain.mount.MountPoint;
import org.offops.storage.domain.mount.MountedUse;
import org.offops.storage.domain.mount.PctConfig;
import org.offops.storage.domain.mount.RenameGuard;

class MountPlannerTest {

    private static final String P = "/rpool/off/products";

    /** Each case: current mpN entries ("N host path"), wanted host and container path, running, expected result. */
    static Stream<Arguments> additions() {
        return Stream.of(
                add("empty container: mp0", List.of(), P, "/mnt/off/products", false,
                        "CHANGE mp0 set[mp0] reboot=false"),
                add("running container needs a reboot (bind mounts are mounted at start)", List.of(), P,
                        "/mnt/off/products", true, "CHANGE mp0 set[mp0] reboot=true"),
                add("mp0 taken by a foreign mount: mp1", List.of("0 /srv/x /mnt/x"), P, "/mnt/off/products", false,
                        "CHANGE mp1 set[mp1] reboot=false"),
                add("lowest free slot in a gap", List.of("0 /a /mnt/a", "2 /b /mnt/b"), P, "/mnt/off/products",
                        false, "CHANGE mp1 set[mp1] reboot=false"),
                add("already there: adopted, nothing to do", List.of("3 " + P + "/ /mnt/off/products"), P,
                        "/mnt/off/products", true, "UNCHANGED mp3 set[] reboot=false"),
                add("container path used by another host path", List.of("0 /rpool/obf/products /mnt/off/products"),
                        P, "/mnt/off/products", false, "REFUSED 409:containerPath"),
                add("relative container path", List.of(), P, "mnt/off/products", false, "REFUSED 400:containerPath"),
                add("'..' in the container path", List.of(), P, "/mnt/off/../etc", false,
                        "REFUSED 400:containerPath"),
                add("trailing slash in the container path", List.of(), P, "/mnt/off/", false,
                        "REFUSED 400:containerPath"),
                add("comma in the host path (would split pct's value)", List.of(), "/rpool/a,mp=/x", "/mnt/x", false,
                        "REFUSED 400:hostPath"),
                add("both paths bad", List.of(), "rpool", "/", false, "REFUSED 400:hostPath 400:containerPath"),
                add("inner after an outer mount: lowest free slot after the outer one",
                        List.of("1 /rpool/off /mnt/off", "2 /a /mnt/a"), P, "/mnt/off/products", false,
                        "CHANGE mp3 set[mp3] reboot=false"),
                add("outer before an inner mount in a later slot: free slot fits",
                        List.of("5 /rpool/off/products /mnt/off/products"), "/rpool/off", "/mnt/off", false,
                        "CHANGE mp0 set[mp0] reboot=false"),
                add("outer after an inner mount in mp0: re-slotted", List.of("0 " + P + " /mnt/off/products"),
                        "/rpool/off", "/mnt/off", false, "CHANGE mp0 set[mp0 mp1] reboot=false"),
                add("re-slot keeps foreign options and skips unrelated mounts",
                        List.of("0 /rpool/off/a /mnt/off/a,backup=0", "1 /srv/x /mnt/x", "2 /rpool/off/b /mnt/off/b"),
                        "/rpool/off", "/mnt/off", true, "CHANGE mp0 set[mp0 mp2 mp3] reboot=true"),
                add("between an outer and an inner mount", List.of("1 /rpool /mnt", "2 " + P + " /mnt/off/products"),
                        "/rpool/off", "/mnt/off", false, "CHANGE mp2 set[mp2 mp3] reboot=false"),
                add("existing mounts already out of order", List.of("0 /x/y/z /mnt/x/y/z", "1 /x /mnt/x"), "/x/y",
                        "/mnt/x/y", false, "REFUSED 409:container"),
                add("a sibling with a common prefix is not inside", List.of("0 /rpool/off /mnt/off"),
                        "/rpool/off-pro", "/mnt/off-pro", false, "CHANGE mp1 set[mp1] reboot=false"),
                add("every slot used", all(), P, "/mnt/off/products", false, "REFUSED 409:container"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("additions")
    void addingAMountPicksTheSlotKeepingOuterBeforeInner(String why, List<MountPoint> current, String host,
                                                         String path, boolean running, String expected) {
        MountPlan plan = MountPlanner.add(current, host, path, running);
        assertEquals(expected, summary(plan), why + ": " + plan);
    }

    @Test
    void reslottedMountsKeepTheirOptionsAndAreExplained() {
        MountPlan plan = MountPlanner.add(mounts(List.of("0 /rpool/off/a /mnt/off/a,backup=0")), "/rpool/off",
                "/mnt/off", false);
        assertEquals(List.of("/rpool/off,mp=/mnt/off", "/rpool/off/a,mp=/mnt/off/a,backup=0"),
                plan.set().stream().map(MountPoint::value).toList());
        assertEquals(List.of("re-slotted mp0 (/rpool/off/a -> /mnt/off/a) to mp1: it is inside /mnt/off, which must"
                + " be mounted first"), plan.notes());
    }

    static Stream<Arguments> removals() {
        return Stream.of(
                Arguments.of("present, stopped", List.of("2 " + P + " /mnt/off/products"), false,
                        "CHANGE mp2 delete[2] reboot=false"),
                Arguments.of("present, running: pending until restart", List.of("2 " + P + " /mnt/off/products"),
                        true, "CHANGE mp2 delete[2] reboot=true"),
                Arguments.of("already gone", List.of("0 /x /mnt/x"), true, "UNCHANGED - delete[] reboot=false"),
                Arguments.of("someone re-pointed it", List.of("2 /rpool/obf /mnt/off/products"), false,
                        "REFUSED 409:id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("removals")
    void removingAMountDeletesOnlyWhatOffopsAdded(String why, List<String> current, boolean running, String expected) {
        MountPlan plan = MountPlanner.remove(mounts(current), P, "/mnt/off/products", running);
        String got = plan.outcome() == MountPlan.Outcome.REFUSED ? summary(plan) : plan.outcome() + " "
                + (plan.slot() == null ? "-" : plan.slotKey()) + " delete" + plan.delete().toString().replace(" ", "")
                + " reboot=" + plan.rebootRequired();
        assertEquals(expected, got, why);
    }

    @Test
    void pctConfigMountsAreReadWithTheirOptionsAndPendingSectionsSkipped() {
        String config = """
                arch: amd64
                description: offops fleet-in-a-box app container off
                hostname: off
                mp0: /rpool/off/products,mp=/mnt/off/products
                mp10: rpool:subvol-113-disk-1,mp=/var/cache,backup=1,size=8G
                mp2: /rpool/off/images,mp=/mnt/off/images,backup=0
                rootfs: rpool:subvol-113-disk-0,size=30G

                [pending]
                mp3: /x,mp=/mnt/x
                """;
        assertEquals(List.of(new MountPoint(0, "/rpool/off/products", "/mnt/off/products", ""),
                new MountPoint(2, "/rpool/off/images", "/mnt/off/images", "backup=0"),
                new MountPoint(10, "rpool:subvol-113-disk-1", "/var/cache", "backup=1,size=8G")),
                PctConfig.mounts(config));
        assertEquals(true, PctConfig.running("status: running\n"));
        assertEquals(false, PctConfig.running("status: stopped\n"));
    }

    static Stream<Arguments> renames() {
        Map<String, String> fs = Map.of("rpool", "/rpool", "rpool/off", "/rpool/off", "rpool/off/products",
                "/rpool/off/products", "rpool/off/products/old", "/srv/old-products", "rpool/off/products2",
                "/rpool/off/products2", "rpool/legacy", "legacy");
        return Stream.of(
                Arguments.of("the dataset's mountpoint", fs, "/rpool/off/products", List.of("mp0")),
                Arguments.of("a directory inside it", fs, "/rpool/off/products/images", List.of("mp0")),
                Arguments.of("a child with its own mountpoint", fs, "/srv/old-products", List.of("mp0")),
                Arguments.of("a sibling sharing a prefix", fs, "/rpool/off/products2", List.of()),
                Arguments.of("the parent (bind mounts are not recursive)", fs, "/rpool/off", List.of()),
                Arguments.of("a storage volume", fs, "rpool:subvol-110-disk-1", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renames")
    void renameFindsEveryMountOfTheDatasetOrItsChildren(String why, Map<String, String> fs, String hostPath,
                                                        List<String> slots) {
        List<ContainerMounts> cts = List.of(new ContainerMounts(110, "opff", true,
                List.of(new MountPoint(0, hostPath, "/mnt/x", ""))));
        List<MountedUse> uses = RenameGuard.uses("rpool/off/products", fs, cts);
        assertEquals(slots, uses.stream().map(MountedUse::slot).toList(), why);
    }

    static Stream<Arguments> repoints() {
        return Stream.of(
                Arguments.of("default mountpoint moves with the name", "/rpool/off/products/sub", "rpool/off/products",
                        Map.of("rpool/off/products-old", "/rpool/off/products-old"),
                        List.of("/rpool/off/products-old/sub")),
                Arguments.of("a local mountpoint stays: nothing to re-point", "/srv/x", "rpool/off/products/x",
                        Map.of("rpool/off/products-old/x", "/srv/x"), List.of()),
                Arguments.of("renamed filesystem without a mountpoint: left alone", "/rpool/off/products",
                        "rpool/off/products", Map.of("rpool/off/products-old", "none"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repoints")
    void stoppedContainersFollowARename(String why, String hostPath, String owner, Map<String, String> after,
                                        List<String> expected) {
        Map<String, String> before = Map.of("rpool/off/products", "/rpool/off/products", "rpool/off/products/x",
                "/srv/x");
        List<MountedUse> uses = List.of(new MountedUse(111, "obf", false, owner,
                new MountPoint(3, hostPath, "/mnt/x", "backup=0")));
        List<MountedUse> moved = RenameGuard.repoint(uses, "rpool/off/products", "rpool/off/products-old", before,
                after);
        assertEquals(expected, moved.stream().map(u -> u.mount().hostPath()).toList(), why);
        moved.forEach(u -> assertEquals("backup=0", u.mount().options()));
    }

    private static Arguments add(String why, List<String> current, String host, String path, boolean running,
                                 String expected) {
        return Arguments.of(why, mounts(current), host, path, running, expected);
    }

    /** "N host containerPath[,options]" per mount. */
    static List<MountPoint> mounts(List<String> lines) {
        List<MountPoint> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            String[] path = f[2].split(",", 2);
            out.add(new MountPoint(Integer.parseInt(f[0]), f[1], path[0], path.length > 1 ? path[1] : ""));
        }
        return out;
    }

    private static List<String> all() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            lines.add(i + " /d" + i + " /mnt/d" + i);
        }
        return lines;
    }

    private static String summary(MountPlan plan) {
        if (plan.outcome() == MountPlan.Outcome.REFUSED) {
            return "REFUSED " + String.join(" ", plan.problems().stream()
                    .map(p -> (p.conflict() ? "409:" : "400:") + p.field()).toList());
        }
        return plan.outcome() + " " + plan.slotKey() + " set" + plan.set().stream().map(MountPoint::key).toList()
                .toString().replace(", ", " ") + " reboot=" + plan.rebootRequired();
    }

}
