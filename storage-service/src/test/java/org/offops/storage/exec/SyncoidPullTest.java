package org.offops.storage.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.offops.remote.RemoteHost;

/** The syncoid line a target runs: one ssh destination per route, the source reached by address, key by name. */
class SyncoidPullTest {

    private static final RemoteHost OFF2 = new RemoteHost("off2", "10.0.0.2", 2222, "root",
            "SHA256:" + "A".repeat(43));

    private static List<String> args(long route) {
        return SyncoidPull.command(route, "--no-sync-snap --no-privilege-elevation", OFF2, "rpool/off/products",
                "rpool/off/products", "/var/lib/offops-storage/pull_key", "/var/lib/offops-storage/known_hosts",
                "root").args();
    }

    @Test
    void eachRouteReachesItsSourceUnderItsOwnDestinationNameSoSyncoidSocketsNeverCollide() {
        assertEquals("root@off2-route7:rpool/off/products", args(7).get(args(7).size() - 2));
        assertEquals("root@off2-route8:rpool/off/products", args(8).get(args(8).size() - 2));
    }

    @Test
    void sshConnectsToTheInventoryAddressAndPortAndChecksTheKeyPinnedUnderTheServerName() {
        List<String> args = args(7);
        assertTrue(args.contains("--sshoption=HostName=10.0.0.2"), args.toString());
        assertTrue(args.contains("--sshoption=HostKeyAlias=off2"), args.toString());
        assertTrue(args.contains("--sshport=2222"), args.toString());
        assertTrue(args.contains("--sshoption=StrictHostKeyChecking=yes"), args.toString());
        assertEquals("rpool/off/products", args.get(args.size() - 1));
    }

    @Test
    void anOptionThatCouldReachTheShellIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SyncoidPull.command(7, "--no-sync-snap;reboot", OFF2,
                "rpool/off/products", "rpool/off/products", "/k", "/kh", "root"));
    }
}
