package org.offops.testkit.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The whole fleet starts, and stop() leaves no process behind. */
class FleetBoxStopTest {

    @Test
    void wholeFleetStartsAndStopLeavesNothing() throws IOException {
        long start = System.nanoTime();
        FleetBox box = FleetTesting.testBox().start();
        long started = (System.nanoTime() - start) / 1_000_000;
        Set<String> namespaces;
        try {
            assertEquals(14, box.hosts().size());
            assertEquals(14, box.pidNamespaces().size());
            // processes of every kind: units, a daemonized background job, an open ssh session
            box.ssh().run("ovh3", "nohup sleep 1000 > /dev/null 2>&1 &").orThrow();
            box.ssh().run("proxy", "setsid sleep 1000 < /dev/null > /dev/null 2>&1 &").orThrow();
            assertEquals("active\n", box.ssh().run("off-pro", "systemctl is-active apache2").stdout());
            assertTrue(box.leftoverProcesses().size() > 40, box.leftoverProcesses().toString());
            namespaces = box.pidNamespaces();
        } finally {
            long stopStart = System.nanoTime();
            box.stop();
            System.out.printf("FleetBoxStopTest: 14 hosts started in %d ms, stopped in %d ms; %s%n", started,
                    (System.nanoTime() - stopStart) / 1_000_000, box.startTimes());
        }
        // scan /proc: nothing with its cwd or command line under the root, nothing in a host's PID namespace
        List<FleetProcesses.Info> left = FleetProcesses.belongingTo(box.root(), namespaces);
        assertEquals(List.of(), left);
        long inNamespaces = FleetProcesses.all().stream().filter(p -> namespaces.contains(p.pidNamespace())).count();
        assertEquals(0, inNamespaces);
        FleetTesting.stopAndDelete(box);
    }
}
