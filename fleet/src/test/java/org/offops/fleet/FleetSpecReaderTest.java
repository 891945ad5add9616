package org.offops.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FleetSpecReaderTest {

    /** The shipped fleet file, from testkit's directory (surefire's working directory). */
    static final Path SHIPPED = Path.of("..", FleetSpecReader.REPO_PATH);

    static FleetSpec fleet;
    static String shippedText;

    @BeforeAll
    static void read() throws IOException {
        shippedText = Files.readString(SHIPPED);
        fleet = FleetSpecReader.read(SHIPPED);
    }

    @Test
    void shippedFleetHasTheSeedTopology() {
        assertEquals("off", fleet.fleet());
        assertEquals(Set.of("free", "ovh"), names(fleet.datacenters().stream().map(FleetSpec.Datacenter::name)));
        assertEquals(List.of("off1", "off2", "ovh1", "ovh2", "ovh3"),
                fleet.servers().stream().map(FleetSpec.Server::name).toList());
        assertEquals("free", fleet.server("off2").orElseThrow().datacenter());
        assertEquals("ovh", fleet.server("ovh3").orElseThrow().datacenter());
        assertEquals(Set.of("proxy", "off", "obf", "opf", "opff", "off-pro", "mongodb", "postgres", "memcached"),
                names(fleet.containersOn("off2").stream().map(FleetSpec.Container::name)));
        assertEquals(Set.of("off", "obf", "opf", "opff", "off-pro"),
                names(fleet.flavors().stream().map(FleetSpec.Flavor::name)));
        assertEquals("producers", fleet.flavor("off-pro").orElseThrow().platform());
        assertEquals(101, fleet.container("proxy").orElseThrow().vmid());
    }

    @Test
    void everyContainerIsProductionStyle() {
        for (FleetSpec.Container c : fleet.containers()) {
            assertEquals("10.1.0." + c.vmid(), c.ip(), c.name());
            assertEquals(c.name(), c.name().toLowerCase());
            if (c.isApp()) {
                FleetSpec.Flavor flavor = fleet.flavor(c.flavor()).orElseThrow();
                assertEquals("/srv/" + flavor.name(), flavor.code());
                assertEquals("/srv/" + flavor.name() + "-static", flavor.staticPath());
                assertTrue(c.services().containsAll(List.of("apache2", "minion", "incron")), c.name());
            }
        }
        assertTrue(fleet.container("off").orElseThrow().services().contains("apache2@priority"));
        assertTrue(fleet.container("proxy").orElseThrow().services().containsAll(List.of("nginx", "fail2ban")));
    }

    @Test
    void addressesAreUniqueLoopbackAndNamesUnique() {
        Set<String> addresses = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (FleetSpec.Host host : fleet.hosts()) {
            assertTrue(addresses.add(host.ssh()), host.ssh());
            assertTrue(names.add(host.name()), host.name());
            assertTrue(host.ssh().startsWith("127."), host.ssh());
            assertFalse(host.ssh().equals("127.0.0.1"));
        }
        assertEquals(14, fleet.hosts().size());
    }

    @Test
    void mountsAreLocalBindsUnderMntFlavorKind() {
        for (FleetSpec.Mount mount : fleet.mounts()) {
            FleetSpec.Dataset dataset = fleet.dataset(mount.dataset()).orElseThrow();
            FleetSpec.Container container = fleet.container(mount.container()).orElseThrow();
            assertEquals(container.server(), dataset.server(), mount.toString());
            String expected = "/mnt/" + (dataset.flavor() == null ? container.flavor() : dataset.flavor()) + "/"
                    + dataset.kind();
            assertEquals(expected, mount.path(), mount.toString());
        }
        assertEquals("/mnt/off/products", fleet.mountsOf("off").get(0).path());
    }

    @Test
    void backupsAndClonesLiveOnOvh3() {
        List<FleetSpec.Dataset> ovh3 = fleet.datasetsOn("ovh3");
        assertTrue(ovh3.stream().anyMatch(d -> d.role().equals("backup")));
        assertTrue(ovh3.stream().anyMatch(d -> d.role().equals("clone")));
        for (FleetSpec.Dataset d : fleet.datasets()) {
            if (!d.role().equals("primary")) {
                assertTrue(fleet.dataset(d.source()).isPresent(), d.id());
            }
        }
    }

    @Test
    void linksAndSitesResolve() {
        for (FleetSpec.Link link : fleet.links()) {
            assertTrue(fleet.host(link.client()).isPresent());
            assertTrue(fleet.host(link.server()).isPresent());
        }
        for (FleetSpec.Site site : fleet.sites()) {
            assertEquals("proxy", fleet.container(site.proxy()).orElseThrow().kind());
            assertTrue(fleet.container(site.container()).orElseThrow().isApp());
        }
    }

    @Test
    void unquotedOffIsExplained() {
        String broken = shippedText.replace("fleet: \"off\"", "fleet: off");
        FleetSpecException e = assertThrows(FleetSpecException.class, () -> FleetSpecReader.parse(broken, "t.yaml"));
        assertEquals(List.of("fleet: got boolean false; quote the value (YAML 1.1 reads off/on/yes/no/y/n as "
                + "booleans), e.g. \"off\""), e.problems());
    }

    @Test
    void everyProblemIsReportedWithItsPlace() {
        String broken = shippedText
                .replace("ssh: 127.0.0.32,", "ssh: 127.0.0.31,")                       // duplicate address
                .replace("ssh: 127.0.0.41,", "ssh: 10.0.0.41,")                        // not loopback
                .replace("{vmid: 102, name: mongodb,   server: off2,", "{vmid: 102, name: mongodb,   server: off9,")
                .replace("container: opff,    mp: 2,", "container: opff,    mp: 1,")    // duplicate mp
                .replace("{name: mongodb,  client: ovh1,", "{name: mongodb,  client: ovh7,")
                .replace("role: replica, source: \"off2:rpool/off/users\"", "role: replica, source: \"off2:rpool/nope\"")
                .replace("platform: producers}", "platform: private, colour: blue}");
        FleetSpecException e = assertThrows(FleetSpecException.class, () -> FleetSpecReader.parse(broken, "t.yaml"));
        // structural problems first: unknown key and bad enum stop cross checks
        assertTrue(e.problems().contains("flavors[4].colour: unknown key (known: code, domains, name, platform, "
                + "repository, static)"), e.getMessage());
        assertTrue(e.problems().contains("flavors[4].platform: 'private' is not one of [producers, public]"),
                e.getMessage());

        String references = shippedText
                .replace("ssh: 127.0.0.32,", "ssh: 127.0.0.31,")
                .replace("ssh: 127.0.0.41,", "ssh: 10.0.0.41,")
                .replace("{vmid: 102, name: mongodb,   server: off2,", "{vmid: 102, name: mongodb,   server: off9,")
                .replace("container: opff,    mp: 2,", "container: opff,    mp: 1,")
                .replace("{name: mongodb,  client: ovh1,", "{name: mongodb,  client: ovh7,")
                .replace("role: replica, source: \"off2:rpool/off/users\"", "role: replica, source: \"off2:rpool/nope\"");
        e = assertThrows(FleetSpecException.class, () -> FleetSpecReader.parse(references, "t.yaml"));
        assertEquals(List.of(
                "servers[1].ssh: ssh address '127.0.0.31' already used at servers[0].ssh",
                "servers[2].ssh: '10.0.0.41' is not in 127.0.0.0/8 (the fleet-in-a-box listens on loopback)",
                "containers[1].server: unknown server 'off9'",
                "datasets[15].source: unknown dataset 'off2:rpool/nope' (expected server:name)",
                "mounts[19].mp: mount point 'opff mp1' already used at mounts[18].mp",
                "links[0].client: unknown host 'ovh7'"), e.problems(), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid fleet file t.yaml ("), e.getMessage());
    }

    @Test
    void missingAndUnknownTopLevelKeys() {
        FleetSpecException e = assertThrows(FleetSpecException.class,
                () -> FleetSpecReader.parse("fleet: test\nservers: []\nextra: 1\n", "mini.yaml"));
        assertTrue(e.problems().contains("extra: unknown key (known: containers, datacenters, datasets, flavors, "
                + "fleet, links, mounts, servers, sites)"), e.getMessage());
        assertTrue(e.problems().contains("datacenters: missing"), e.getMessage());
    }

    @Test
    void notYamlIsAClearError() {
        FleetSpecException e = assertThrows(FleetSpecException.class,
                () -> FleetSpecReader.parse("servers: [unclosed", "bad.yaml"));
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    private static Set<String> names(java.util.stream.Stream<String> names) {
        return names.collect(Collectors.toSet());
    }
}
