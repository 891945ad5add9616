package org.offops.remote.sshj;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import org.offops.remote.RemoteException;
import org.offops.remote.RemoteHost;

/** Opens and authenticates one SSH connection to a host, refusing any host key but the pinned one. */
final class Connector {

    private final RemoteHost host;
    private final SshjSettings settings;
    private final Config config;
    private final KeyProvider key;
    private final AtomicLong connectionsOpened;

    Connector(RemoteHost host, SshjSettings settings, Config config, KeyProvider key, AtomicLong connectionsOpened) {
        this.host = host;
        this.settings = settings;
        this.config = config;
        this.key = key;
        this.connectionsOpened = connectionsOpened;
    }

    /** @param commandLine the command waiting for this connection, named if connecting fails */
    SSHClient connect(String commandLine) {
        int timeoutMs = (int) settings.connectTimeout().toMillis();
        SSHClient ssh = new SSHClient(config);
        PinnedHostKeyVerifier verifier = new PinnedHostKeyVerifier(host.hostKeyFingerprint());
        ssh.addHostKeyVerifier(verifier);
        ssh.setSocketFactory(new NoDelaySockets());
        ssh.setConnectTimeout(timeoutMs);
        ssh.getTransport().setTimeoutMs(timeoutMs);
        ssh.getConnection().setTimeoutMs(timeoutMs);
        String where = host.address() + ":" + host.port();
        try {
            ssh.connect(host.address(), host.port());
            connectionsOpened.incrementAndGet();
            ssh.authPublickey(host.user(), key);
            ssh.getConnection().getKeepAlive().setKeepAliveInterval((int) settings.keepAlive().toSeconds());
            return ssh;
        } catch (TransportException e) {
            closeQuietly(ssh);
            throw RemoteException.noExitCode(host.name(), commandLine, verifier.refused()
                    ? verifier.refusal() + " (at " + where + ")"
                    : "ssh transport to " + where + " failed: " + e.getMessage(), e);
        } catch (UserAuthException e) {
            closeQuietly(ssh);
            throw RemoteException.noExitCode(host.name(), commandLine,
                    "public key authentication as " + host.user() + " at " + where + " was refused", e);
        } catch (IOException e) {
            closeQuietly(ssh);
            throw RemoteException.noExitCode(host.name(), commandLine, "cannot connect to " + where + ": " + e, e);
        }
    }

    static void closeQuietly(SSHClient ssh) {
        if (ssh != null) {
            try {
                ssh.close();
            } catch (IOException | RuntimeException ignored) {
                // already broken: nothing left to release
            }
        }
    }
}
