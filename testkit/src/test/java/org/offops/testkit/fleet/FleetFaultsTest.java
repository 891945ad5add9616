package org.offops.testkit.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fault injection on real SSH hosts (one server and one container, no units booted). */
class FleetFaultsTest {

    static FleetBox box;

    @BeforeAll
    static void start() throws IOException {
        box = FleetTesting.testBox("ovh1", "opf").bootServices(false).start();
    }

    @AfterAll
    static void stop() {
        FleetTesting.stopAndDelete(box);
    }

    @Test
    void downHostRefusesConnectionsUntilUp() throws IOException {
        assertEquals(0, box.ssh().run("ovh1", "true").exitCode());
        box.down("ovh1");
        assertFalse(box.host("ovh1").isUp());
        FleetSsh.Result refused = box.ssh().run("ovh1", "true");
        assertEquals(255, refused.exitCode());
        assertTrue(refused.stderr().contains("Connection refused"), refused.stderr());
        box.up("ovh1");
        assertEquals("ovh1\n", box.ssh().run("ovh1", "hostname").orThrow().stdout());
    }

    @Test
    void changedHostKeyIsRefusedByAPinnedClient() throws IOException {
        Path pinned = Files.createTempFile(box.root(), "pinned-", ".known_hosts");
        Files.copy(box.knownHosts(), pinned, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String before = box.host("opf").hostKeyFingerprint();
        assertEquals(0, box.ssh().pinnedTo(pinned).run("opf", "true").exitCode());

        String after = box.changeHostKey("opf");
        assertFalse(before.equals(after));
        assertTrue(after.startsWith("SHA256:"), after);
        FleetSsh.Result refused = box.ssh().pinnedTo(pinned).run("opf", "true");
        assertEquals(255, refused.exitCode());
        assertTrue(refused.stderr().contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), refused.stderr());
        assertEquals(0, box.ssh().run("opf", "true").exitCode(), "a client that re-pinned gets in");
    }

    @Test
    void failNextFailsOnlyTheNextCall() throws IOException {
        box.failNext("ovh1", "git", 42);
        FleetSsh.Result failed = box.ssh().run("ovh1", "git --version");
        assertEquals(42, failed.exitCode());
        assertEquals("git: failure injected by the fleet-in-a-box (exit 42)\n", failed.stderr());
        assertTrue(box.ssh().run("ovh1", "git --version").orThrow().stdout().startsWith("git version"));

        box.failNext("opf", "systemctl", 1);
        assertEquals(1, box.ssh().run("opf", "systemctl start minion").exitCode());
        assertEquals("inactive\n", box.ssh().run("opf", "systemctl is-active minion").stdout(),
                "the failed call did not run");
    }

    @Test
    void failNextCanFailTheProgramsTheShimItselfUses() throws IOException {
        box.failNext("ovh1", "mv", 3);
        FleetSsh.Result failed = box.ssh().run("ovh1", "touch /var/lib/shim-a && mv /var/lib/shim-a /var/lib/shim-b");
        assertEquals(3, failed.exitCode());
        assertEquals(0, box.ssh().run("ovh1", "mv /var/lib/shim-a /var/lib/shim-b && rm /var/lib/shim-b").exitCode());
    }

    @Test
    void slowHostDelaysEveryCommand() throws IOException {
        box.slow("ovh1", Duration.ofMillis(700));
        try {
            FleetSsh.Result slow = box.ssh().run("ovh1", "true");
            assertEquals(0, slow.exitCode());
            assertTrue(slow.duration().toMillis() >= 700, slow.toString());
        } finally {
            box.slow("ovh1", Duration.ZERO);
        }
    }

    @Test
    void droppedConnectionEndsTheRunningCommand() throws Exception {
        CompletableFuture<FleetSsh.Result> running = CompletableFuture.supplyAsync(
                () -> box.ssh().run("opf", "echo started; sleep 20; echo finished"));
        Thread.sleep(1000);
        long start = System.nanoTime();
        box.dropConnections("opf");
        FleetSsh.Result dropped = running.get(10, TimeUnit.SECONDS);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5000);
        assertEquals(255, dropped.exitCode(), dropped.stderr());
        assertFalse(dropped.stdout().contains("finished"));
        assertEquals(0, box.ssh().run("opf", "true").exitCode(), "the listener is still there");
    }

    @Test
    void fullDiskRefusesWritesButKeepsContent() throws IOException {
        box.ssh().run("opf", "echo before > /srv/opf/kept.txt").orThrow();
        box.diskFull("opf");
        try {
            FleetSsh.Result write = box.ssh().run("opf", "echo more > /srv/opf/new.txt");
            assertEquals(1, write.exitCode());
            assertTrue(write.stderr().contains("No space left on device"), write.stderr());
            assertEquals("before\n", box.ssh().run("opf", "cat /srv/opf/kept.txt").stdout());
            assertEquals(1, box.ssh().run("opf", "echo x >> /var/log/app.log").exitCode());
            assertEquals(0, box.ssh().run("opf", "test -e /var/lib/offops-fleet/faults/disk-full").exitCode());
        } finally {
            box.diskFree("opf");
        }
        box.ssh().run("opf", "echo more > /srv/opf/new.txt").orThrow();
        assertEquals("more\n", box.ssh().run("opf", "cat /srv/opf/new.txt").stdout());
    }
}
