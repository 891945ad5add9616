package org.offops.inventory.domain.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LxcConfigParserTest {

    @Test
    void mountPointsAndIdmapAreParsed() {
        LxcConfig config = LxcFixtures.parseOwn("app-bind-mounts.conf");

        List<LxcMountPoint> mounts = config.mountPoints();
        assertEquals(List.of(0, 1, 2, 3, 10, 11), mounts.stream().map(LxcMountPoint::slot).toList(),
                "by slot, although the file has mp10 and mp11 before mp2");
        LxcMountPoint images = mounts.get(2);
        assertEquals("mp2", images.key());
        assertEquals("/tank/pantry/images", images.source());
        assertEquals("/mnt/pantry/images", images.containerPath());
        assertEquals(List.of(new LxcOption("backup", "0"), new LxcOption("replicate", "0")), images.options());
        assertEquals(LxcMountPoint.SourceKind.BIND, images.sourceKind());
        assertEquals("/tank/pantry/exports/", mounts.get(4).source(), "a trailing slash is kept as written");
        assertEquals(Optional.of("1"), mounts.get(5).option("ro"));
        assertEquals(Optional.of("1"), mounts.get(5).option("shared"));

        assertEquals(List.of(
                new LxcIdMap("u", 0, 100000, 1000),
                new LxcIdMap("g", 0, 100000, 1000),
                new LxcIdMap("u", 1000, 1000, 1),
                new LxcIdMap("g", 1000, 1000, 1),
                new LxcIdMap("u", 1001, 101001, 64535),
                new LxcIdMap("g", 1001, 101001, 64535)), config.idmaps());
        assertEquals("u 0 100000 1000", config.idmaps().get(0).value());

        LxcNet net0 = config.networks().get(0);
        assertEquals("eth0", net0.name());
        assertEquals(Optional.of("vmbr1"), net0.bridge());
        assertEquals(Optional.of("10.3.0.130/24"), net0.ip());
        assertEquals(Optional.of("10.3.0.1"), net0.gw());
        assertEquals(Optional.of("BC:24:11:3A:10:01"), net0.hwaddr());
        assertEquals(Optional.of("veth"), net0.type());

        assertEquals(Optional.of("amd64"), config.arch());
        assertEquals(OptionalInt.of(6), config.cores());
        assertEquals(OptionalInt.of(12288), config.memory());
        assertEquals(OptionalInt.of(512), config.swap());
        assertEquals(Optional.of("pantry-app"), config.hostname());
        assertEquals(Optional.of("debian"), config.ostype());
        assertEquals(Optional.of(true), config.onboot());
        assertEquals(Optional.of(true), config.unprivileged());
        assertEquals(List.of(new LxcOption("nesting", "1")), config.features());
        LxcRootFs rootfs = config.rootfs().orElseThrow();
        assertEquals("nvme-pool:subvol-130-disk-0", rootfs.volume());
        assertEquals(Optional.of("40G"), rootfs.size());
    }

    @Test
    void volumeMountPointsAndTheirOptionsAreParsed() {
        LxcMountPoint data = LxcFixtures.parseOwn("database-snapshots.conf").mountPoints().get(0);

        assertEquals("nvme-pool:subvol-140-disk-1", data.source());
        assertEquals(LxcMountPoint.SourceKind.VOLUME, data.sourceKind());
        assertEquals("/var/lib/postgresql", data.containerPath());
        assertEquals(List.of("backup", "mountoptions", "size"), data.options().stream().map(LxcOption::key).toList());
        assertEquals(Optional.of("noatime;lazytime"), data.option("mountoptions"));
        assertEquals(LxcMountPoint.parse(4, "mp=/mnt/x,volume=/tank/x,ro=1"), LxcMountPoint.parse(4, "/tank/x,mp=/mnt/x,ro=1"),
                "the source may be written with its volume= key, and anywhere in the list");
    }

    @Test
    void networksAreParsedIntoOrderedOptions() {
        List<LxcNet> nets = LxcFixtures.parseOwn("proxy-two-nets.conf").networks();

        assertEquals(2, nets.size());
        assertEquals("eth0", nets.get(0).name());
        assertTrue(nets.get(0).gw().isEmpty());
        LxcNet publicNet = nets.get(1);
        assertEquals("net1", publicNet.key());
        assertEquals(List.of("name", "bridge", "firewall", "gw", "gw6", "hwaddr", "ip", "ip6", "type"),
                publicNet.options().stream().map(LxcOption::key).toList());
        assertEquals(Optional.of("vmbr0"), publicNet.bridge());
        assertEquals(Optional.of("203.0.113.1"), publicNet.gw());
        assertEquals(Optional.of("2001:db8:3a::20/64"), publicNet.ip6());
        assertEquals(Optional.of("2001:db8:3a::1"), publicNet.gw6());
    }

    @Test
    void unknownKeysAreKept() {
        String text = LxcFixtures.own("described-unknown-keys.conf");
        LxcConfig config = LxcConfigParser.parse(text);

        List<String> keys = config.main().properties().stream().map(LxcLine.Property::key).toList();
        assertEquals(List.of("arch", "cmode", "console", "cores", "cpulimit", "dev0", "features", "hookscript", "hostname",
                "memory", "mp0", "net0", "onboot", "ostype", "rootfs", "swap", "tags", "timezone", "tty", "unprivileged",
                "unused0", "zz_future_option", "lxc.apparmor.profile", "lxc.cgroup2.devices.allow", "lxc.mount.entry"),
                keys, "every key, in file order");
        assertEquals(Optional.of("local:snippets/pantry-hook.sh"), config.value("hookscript"));
        assertEquals(Optional.of("something a later Proxmox adds"), config.value("zz_future_option"));
        assertEquals(Optional.of("/dev/net dev/net none bind,create=dir"), config.value("lxc.mount.entry"));
        LxcLine.Property apparmor = config.main().rawLxc().get(0);
        assertEquals(" = ", apparmor.separator(), "a raw line's own separator is kept");
        assertEquals("unconfined", apparmor.value());
        assertEquals(Optional.of(false), config.onboot());
        assertEquals(List.of(new LxcOption("fuse", "1"), new LxcOption("nesting", "1")), config.features());
        assertEquals(text, LxcConfigWriter.write(config));
    }

    @Test
    void descriptionIsDecodedButCommentsStayAsWritten() {
        LxcConfig config = LxcFixtures.parseOwn("described-unknown-keys.conf");

        assertEquals("Mounts%3A products (read-only) %E2%86%92 /mnt/pantry/products", config.main().comments().get(2));
        assertEquals("""
                Pantry search worker: indexes products for the search API.

                Mounts: products (read-only) \u2192 /mnt/pantry/products
                Owner: ops team, read the runbook before changing the idmap.""", config.description());
    }

    @Test
    void snapshotSectionsAreKeptSeparately() {
        LxcConfig config = LxcFixtures.parseOwn("database-snapshots.conf");

        assertEquals(List.of("", "before-pg16", "initial"), config.sections().stream().map(LxcSection::name).toList());
        assertEquals(List.of("before-pg16", "initial"), config.snapshots().stream().map(LxcSection::name).toList());
        assertTrue(config.pending().isEmpty());
        assertEquals(Optional.of("before-pg16"), config.main().parent());
        assertEquals(OptionalInt.of(4), config.cores(), "the main section is the running configuration");
        assertEquals(List.of(new LxcOption("keyctl", "1"), new LxcOption("nesting", "1")), config.features());

        LxcSection before = config.snapshot("before-pg16").orElseThrow();
        assertTrue(before.isSnapshot());
        assertEquals(OptionalInt.of(2), before.cores());
        assertEquals(Optional.of(1717236000L), before.snaptime());
        assertEquals(Optional.of("initial"), before.parent());
        assertEquals("before upgrading to PostgreSQL 16", before.description());
        assertEquals("48G", before.mountPoints().get(0).option("size").orElseThrow());
        assertEquals("PostgreSQL for the pantry workers.", config.description(), "each section has its own description");

        LxcSection initial = config.snapshot("initial").orElseThrow();
        assertTrue(initial.mountPoints().isEmpty());
        assertTrue(initial.parent().isEmpty());
        assertTrue(config.main().lines().get(config.main().lines().size() - 1) instanceof LxcLine.Blank,
                "the blank line before [before-pg16] stays with the main section");
    }

    @Test
    void pendingChangesAreKeptInTheirOwnSection() {
        LxcConfig config = LxcFixtures.parseOwn("pending-changes.conf");

        LxcSection pending = config.pending().orElseThrow();
        assertEquals(LxcSection.PENDING, pending.name());
        assertTrue(pending.isPending());
        assertFalse(pending.isSnapshot());
        assertEquals(OptionalInt.of(4), pending.cores());
        assertEquals(List.of("swap"), pending.pendingDeletes());
        assertEquals("/mnt/pantry/images", pending.mountPoints().get(0).containerPath());
        assertEquals(OptionalInt.of(2), config.cores(), "not applied yet");
        assertEquals(1, config.mountPoints().size());
        assertTrue(config.snapshots().isEmpty());
    }

    static Stream<Arguments> malformedLines() {
        return Stream.of(
                arguments("cores: 2\nmemory 1024\n", 2, "expected 'key: value'"),
                arguments("arch: amd64\ncores: 2\ncores: 4\n", 3, "'cores' is set twice in the main section (first on line 2)"),
                arguments("cores: 2\nswap:\n", 2, "'swap' has no value"),
                arguments("cores: two\n", 1, "'cores' must be a non-negative integer"),
                arguments("onboot: maybe\n", 1, "'onboot' must be a boolean"),
                arguments("cores: 2\r\nswap: 0\r\n", 1, "carriage return"),
                arguments("arch: amd64\n  cores: 2\n", 2, "line starts with blanks"),
                arguments("cores: 2\n\n[snap shot]\ncores: 1\n", 3, "'snap shot' is neither pve:pending nor a snapshot name"),
                arguments("cores: 2\n\n[s1]\ncores: 1\n\n[s1]\ncores: 1\n", 6, "section [s1] already started on line 3"),
                arguments("cores: 2\n\n[s1]\ncores: 1\ncores: 2\n", 5, "'cores' is set twice in [s1] (first on line 4)"),
                arguments("cores: 2\ndelete: swap\n", 2, "'delete' is only allowed in [pve:pending]"),
                arguments("arch: amd64\nmp0: /tank/a\n", 2, "mp0 has no mp= (path inside the container)"),
                arguments("arch: amd64\nmp1: /tank/a,mp=/m,ro\n", 2, "mp1: 'ro' has no key"),
                arguments("arch: amd64\nmp2: mp=/mnt/a\n", 2, "mp2 has no volume or host path"),
                arguments("arch: amd64\nmp3: /a,mp=/mnt/a,mp=/mnt/b\n", 2, "mp3: option 'mp' is given twice"),
                arguments("arch: amd64\nmp4: /a,mp=mnt/a\n", 2, "mp4: container path must be absolute"),
                arguments("arch: amd64\nmp256: /a,mp=/mnt/a\n", 2, "'mp256' is not a mount point key"),
                arguments("arch: amd64\nnet0: bridge=vmbr0,ip=dhcp\n", 2, "net0 has no name="),
                arguments("rootfs: size=8G\n", 1, "rootfs has no volume"),
                arguments("features: nesting\n", 1, "features: 'nesting' has no key"),
                arguments("arch: amd64\n\n\nlxc.idmap: u 0 100000\n", 4, "lxc.idmap must be '<u|g> <container id>"),
                arguments("arch: amd64\nlxc.idmap: x 0 100000 10\n", 2, "lxc.idmap must be"),
                arguments("Cores: 2\n", 1, "expected 'key: value'"),
                arguments("[pve:pending\n", 1, "expected a section header like [snapshot-name]"));
    }

    @ParameterizedTest(name = "line {1}: {2}")
    @MethodSource("malformedLines")
    void malformedLineNamesItsNumber(String text, int line, String reason) {
        LxcConfigException e = assertThrows(LxcConfigException.class, () -> LxcConfigParser.parse(text));

        assertEquals(line, e.lineNumber(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
        assertTrue(e.reason().startsWith(reason), () -> "expected a reason starting with <" + reason + ">, got <" + e.reason() + ">");
    }
}
