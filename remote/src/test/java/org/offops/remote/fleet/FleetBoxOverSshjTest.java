package org.offops.remote.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.offops.remote.ExecResult;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteException;
import org.offops.remote.RemoteFiles;
import org.offops.remote.RemoteHost;
import org.offops.remote.sshj.SshjExecutor;
import org.offops.remote.sshj.SshjSettings;
import org.offops.testkit.TempDirs;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetHost;
import org.offops.fleet.FleetSpec;

/**
 * The fleet-in-a-box driven by the module's own pinned sshj executor. The fleet is built in code: remote's test
 * classpath keeps testkit's dependencies (snakeyaml among them) out, so the YAML reader is not used here.
 */
class FleetBoxOverSshjTest {

    static FleetBox box;
    static SshjExecutor ssh;

    @BeforeAll
    static void start() throws Exception {
        FleetSpec fleet = new FleetSpec("mini",
                List.of(new FleetSpec.Datacenter("free", null)),
                List.of(new FleetSpec.Server("off2", "free", "127.0.0.32", "production", List.of("stunnel@"))),
                List.of(new FleetSpec.Container(113, "off", "off2", "app", "off", "10.1.0.113", "127.0.0.113", 2,
                        2048, List.of("apache2", "minion"))),
                List.of(new FleetSpec.Flavor("off", "https://github.com/openfoodfacts/openfoodfacts-server.git",
                        "/srv/off", "/srv/off-static", List.of("world.openfoodfacts.org"), "public")),
                List.of(new FleetSpec.Dataset("off2", "rpool/off/products", "products", "off", "flavor", "primary",
                        null)),
                List.of(new FleetSpec.Mount("off2:rpool/off/products", "off", 0, "/mnt/off/products")),
                List.of(), List.of());
        box = FleetBox.builder(fleet).root(Files.createTempDirectory("fleet-sshj-")).sshPort(0)
                .loopbackNet(100 + ThreadLocalRandom.current().nextInt(100)).start();
        ssh = new SshjExecutor(SshjSettings.withKey(box.clientKey()));
    }

    @AfterAll
    static void stop() {
        if (ssh != null) {
            ssh.close();
        }
        if (box != null) {
            box.stop();
            assertEquals(List.of(), box.leftoverProcesses());
            TempDirs.deleteQuietly(box.root());
        }
    }

    static RemoteHost pinned(String name) {
        FleetHost host = box.host(name);
        return new RemoteHost(name, host.address(), host.port(), host.user(), host.hostKeyFingerprint());
    }

    @Test
    void pooledCommandsOnNamespacedHosts() {
        RemoteHost off = pinned("off");
        assertEquals("off\n", ssh.run(off, RemoteCommand.of("hostname")).orThrow().stdoutTail());
        assertEquals("active\n", ssh.run(off, RemoteCommand.of("systemctl", "is-active", "apache2")).stdoutTail());
        ssh.run(pinned("off2"), RemoteCommand.script("echo \"$1\" > /rpool/off/products/p.json", "{}")).orThrow();
        assertEquals("{}\n", ssh.run(off, RemoteCommand.of("cat", "/mnt/off/products/p.json")).orThrow().stdoutTail());

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            millis.add(ssh.run(off, RemoteCommand.of("systemctl", "is-active", "minion")).orThrow().duration()
                    .toMillis());
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("FleetBoxOverSshjTest: systemctl is-active over a pooled sshj connection: median %d ms, "
                + "max %d ms%n", sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }

    @Test
    void atomicPushLandsInTheHostsOwnEtc() throws Exception {
        RemoteFiles files = new RemoteFiles(ssh);
        byte[] conf = "foreground = yes\n".getBytes(StandardCharsets.UTF_8);
        files.push(pinned("off2"), "/etc/stunnel/off.conf", conf, "root:root", "0644");
        assertEquals("foreground = yes\n", Files.readString(box.host("off2").path("/etc/stunnel/off.conf")));
        assertFalse(Files.exists(Path.of("/etc/stunnel/off.conf")));
        assertFalse(files.read(pinned("off2"), "/etc/stunnel/off.conf").driftedFrom(conf));

        box.diskFull("off2");
        try {
            assertThrows(RemoteException.class,
                    () -> files.push(pinned("off2"), "/etc/stunnel/off.conf", new byte[64 * 1024], "root:root", "0644"));
        } finally {
            box.diskFree("off2");
        }
        assertFalse(files.read(pinned("off2"), "/etc/stunnel/off.conf").driftedFrom(conf), "the old file is whole");
    }

    @Test
    void changedHostKeyIsRefusedByThePinnedExecutor() throws Exception {
        RemoteHost before = pinned("off2");
        assertTrue(ssh.run(before, RemoteCommand.of("true")).ok());
        String fresh = box.changeHostKey("off2");
        RemoteException refused = assertThrows(RemoteException.class,
                () -> ssh.run(before, RemoteCommand.of("true")));
        assertTrue(refused.getMessage().contains("host key refused: pinned " + before.hostKeyFingerprint()
                + ", presented " + fresh), refused.getMessage());
        assertTrue(ssh.run(pinned("off2"), RemoteCommand.of("true")).ok(), "re-pinned");
    }

    @Test
    void downHostIsUnreachableAndFailNextReturnsTheExitCode() throws Exception {
        RemoteHost off = pinned("off");
        box.failNext("off", "systemctl", 4);
        ExecResult failed = ssh.run(off, RemoteCommand.of("systemctl", "restart", "apache2"));
        assertEquals(4, failed.exitCode());
        assertTrue(ssh.run(off, RemoteCommand.of("systemctl", "restart", "apache2")).ok());

        box.down("off");
        try {
            RemoteException down = assertThrows(RemoteException.class, () -> ssh.run(off, RemoteCommand.of("true")));
            assertTrue(down.exitCode().isEmpty(), down.getMessage());
        } finally {
            box.up("off");
        }
        assertTrue(ssh.run(off, RemoteCommand.of("true")).ok());
    }
}
