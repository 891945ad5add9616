package org.offops.inventory;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.offops.testkit.ssh.SshTestHost;

/** A real sshd standing in for a Proxmox host whose /etc/pve/lxc is a directory the test writes into. */
public class PveHostResource implements QuarkusTestResourceLifecycleManager {

    private SshTestHost host;

    @Override
    public Map<String, String> start() {
        try {
            host = SshTestHost.start("127.0.0.91");
            // As on Proxmox, the lxc directory is a symlink into nodes/<node>/lxc.
            Path node = Files.createDirectories(host.directory().resolve("pve/nodes/pve1/lxc"));
            Path pve = Files.createSymbolicLink(host.directory().resolve("pve/lxc"), node);
            return Map.of(
                    "offops.ssh.key", host.clientKey().toString(),
                    "offops.inventory.pve-lxc-dir", pve.toString(),
                    "offops.test.pve.port", Integer.toString(host.port()),
                    "offops.test.pve.fingerprint", host.hostKeyFingerprint());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (host != null) {
            host.stop();
        }
    }
}
