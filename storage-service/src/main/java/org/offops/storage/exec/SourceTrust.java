package org.offops.storage.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.offops.remote.Digests;
import org.offops.remote.Names;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteException;
import org.offops.remote.RemoteFiles;
import org.offops.remote.RemoteHost;
import org.offops.remote.SshExecutor;

/**
 * Makes a target trust its sources' host keys for syncoid's ssh: the key the target scans must have the fingerprint
 * pinned in the inventory, then it is written to a known_hosts file offops owns on the target (no trust on first use),
 * under the source's server name, which syncoid's ssh checks through {@code HostKeyAlias} (see {@link SyncoidPull}).
 */
@ApplicationScoped
public class SourceTrust {

    private static final String SCAN = "ssh-keyscan -T 10 -t ed25519 -p \"$2\" \"$1\" 2>/dev/null";
    private final SshExecutor ssh;
    private final RemoteFiles files;
    private final String knownHosts;
    private final Map<String, Map<String, String>> written = new ConcurrentHashMap<>();

    public SourceTrust(SshExecutor ssh, RemoteFiles files,
                       @ConfigProperty(name = "offops.storage.known-hosts",
                               defaultValue = "/var/lib/offops-storage/known_hosts") String knownHosts) {
        this.ssh = ssh;
        this.files = files;
        this.knownHosts = knownHosts;
    }

    /** Returns the known_hosts path on the target once it holds the source's pinned key. */
    public synchronized String ensure(RemoteHost target, RemoteHost source) {
        Map<String, String> lines = written.computeIfAbsent(target.name(), k -> new TreeMap<>());
        String pin = source.name() + "|" + source.address() + "|" + source.port() + "|" + source.hostKeyFingerprint();
        if (lines.containsKey(pin)) {
            return knownHosts;
        }
        RemoteCommand scan = RemoteCommand.script(SCAN, source.address(), Integer.toString(source.port()));
        String line = ssh.run(target, scan).orThrow().stdoutTail().lines()
                .filter(l -> l.contains(" ssh-ed25519 ")).findFirst()
                .orElseThrow(() -> RemoteException.noExitCode(target.name(), scan.toShellLine(),
                        "no ed25519 host key from " + source.describe(), null));
        String blob = line.split(" ")[2];
        String presented = Digests.openSshFingerprint(Base64.getDecoder().decode(blob));
        if (!presented.equals(source.hostKeyFingerprint())) {
            throw RemoteException.noExitCode(target.name(), scan.toShellLine(), "host key of " + source.name()
                    + " as seen from " + target.name() + " is " + presented + ", inventory pins "
                    + source.hostKeyFingerprint(), null);
        }
        lines.entrySet().removeIf(e -> e.getKey().startsWith(source.name() + "|"));
        // with HostKeyAlias set, ssh looks the key up under the alias as-is (no [host]:port form, whatever the port)
        lines.put(pin, Names.hostName(source.name()) + " ssh-ed25519 " + blob);
        ssh.run(target, RemoteCommand.of("mkdir", "-p", parent())).orThrow();
        files.push(target, knownHosts, (String.join("\n", lines.values()) + "\n").getBytes(StandardCharsets.UTF_8),
                "root", "0644");
        return knownHosts;
    }

    public String path() {
        return knownHosts;
    }

    /** Forgets what was written on a target (e.g. after syncoid's ssh refused a host key there). */
    public void forget(String target) {
        written.remove(target);
    }

    private String parent() {
        return knownHosts.substring(0, Math.max(1, knownHosts.lastIndexOf('/')));
    }
}
