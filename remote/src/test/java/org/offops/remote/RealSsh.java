package org.offops.remote;

import java.io.IOException;
import org.offops.remote.sshj.SshjExecutor;
import org.offops.remote.sshj.SshjSettings;
import org.offops.testkit.ssh.SshTestHost;

/** A real sshd on a loopback address plus an executor pinned to its host key, for tests. */
public final class RealSsh implements AutoCloseable {

    private final SshTestHost sshd;
    private final RemoteHost host;
    private final SshjExecutor executor;

    private RealSsh(SshTestHost sshd, String name) {
        this.sshd = sshd;
        this.host = remoteHost(name, sshd.login());
        this.executor = new SshjExecutor(SshjSettings.withKey(sshd.clientKey()));
    }

    public static RealSsh start(String name, String address) throws IOException {
        return new RealSsh(SshTestHost.start(address), name);
    }

    public static RemoteHost remoteHost(String name, SshTestHost.Login login) {
        return new RemoteHost(name, login.address(), login.port(), login.user(), login.hostKeyFingerprint());
    }

    public RemoteHost host() {
        return host;
    }

    public SshjExecutor executor() {
        return executor;
    }

    public SshTestHost sshd() {
        return sshd;
    }

    /** Runs a command that must succeed and returns its stdout. */
    public String run(String program, String... args) {
        return executor.run(host, RemoteCommand.of(program, args)).orThrow().stdoutTail();
    }

    @Override
    public void close() {
        executor.close();
        sshd.stop();
    }
}
