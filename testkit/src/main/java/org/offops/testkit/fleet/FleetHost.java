package org.offops.testkit.fleet;

import org.offops.fleet.FleetSpec;
import org.offops.fleet.FleetSpecException;
import org.offops.fleet.FleetSpecReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.offops.testkit.ssh.SshTestHost;

/**
 * One started host of a {@link FleetBox}: a server or a container with its own namespaces and, unless it was only
 * needed as the parent of a container, its own sshd.
 */
public final class FleetHost {

    private final FleetSpec.Host spec;
    private final String address;
    private final HostLayout layout;

    volatile Process launcher;
    volatile long initPid;
    volatile String pidNamespace;
    volatile SshTestHost sshd;
    volatile int port;
    volatile String fingerprint;
    final boolean ssh;

    FleetHost(FleetSpec.Host spec, String address, HostLayout layout, boolean ssh) {
        this.spec = spec;
        this.address = address;
        this.layout = layout;
        this.ssh = ssh;
    }

    public String name() {
        return spec.name();
    }

    public FleetSpec.Host spec() {
        return spec;
    }

    public boolean isServer() {
        return spec instanceof FleetSpec.Server;
    }

    public boolean isContainer() {
        return spec instanceof FleetSpec.Container;
    }

    /** The address it really listens on (the fleet file's, or remapped by {@link FleetBox.Builder#loopbackNet}). */
    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    public String user() {
        return "root";
    }

    /** SHA256 fingerprint of its current ed25519 host key, as OpenSSH prints it: what an inventory pins. */
    public String hostKeyFingerprint() {
        return fingerprint;
    }

    /** Address, port, user, fingerprint and client key: everything a {@code RemoteHost} needs. */
    public SshTestHost.Login login() {
        return new SshTestHost.Login(address, port, user(), fingerprint, layout.root().resolve(".box/client/id_ed25519"));
    }

    /** True while its sshd runs (false after {@link FleetBox#down}). */
    public boolean isUp() {
        SshTestHost current = sshd;
        return current != null && current.isRunning();
    }

    /** Whether the fleet box started an sshd for it (hosts started only as a container's parent have none). */
    public boolean hasSsh() {
        return ssh;
    }

    /** Its directory: the sources of the bind mounts ({@code srv}, {@code etc/nginx}, ...) and {@code .box/}. */
    public Path dir() {
        return layout.dir(name());
    }

    /**
     * The real path behind {@code hostPath} as this host sees it, e.g. {@code /srv/off-static} of container off is
     * {@code <root>/off/srv/off-static}. Only for paths under the host's own directories; a container's dataset
     * mount points (/mnt/<flavor>/<kind>) show the server's dataset directory instead.
     */
    public Path path(String hostPath) {
        return layout.realPath(name(), hostPath);
    }

    /** PID (in this machine's namespace) of the host's init, PID 1 inside the host. */
    public long initPid() {
        return initPid;
    }

    /** PID of its sshd listener's launcher (nsenter), or -1 when down. */
    public long sshdPid() {
        SshTestHost current = sshd;
        return current == null ? -1 : current.pid();
    }

    /** Its sshd log (sshd -e output). */
    public Path sshdLog() {
        return layout.sshdDir(name()).resolve("sshd.log");
    }

    /** /var/log/offops-standins.log of this host. */
    public Path standinLog() {
        return dir().resolve(HostLayout.STANDIN_LOG);
    }

    /** The stand-in calls logged so far, without their timestamps, e.g. {@code systemctl restart apache2}. */
    public List<String> standinCalls() throws IOException {
        return Files.readAllLines(standinLog()).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.substring(line.indexOf(' ') + 1))
                .toList();
    }

    @Override
    public String toString() {
        return name() + "@" + address + ":" + port;
    }
}
