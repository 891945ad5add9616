package org.offops.testkit.ssh;

import java.io.IOException;
import java.nio.file.Path;
import org.offops.testkit.TempDirs;

/** A real OpenSSH sshd on a loopback address, with its own ed25519 host key and one authorized client key. */
public final class SshTestHost implements AutoCloseable {

    /** What a client needs to log in: the host record and the client key path. */
    public record Login(String address, int port, String user, String hostKeyFingerprint, Path clientKey) {
    }

    private final Process process;
    private final Login login;
    private final Path directory;
    private final boolean ownsDirectory;

    SshTestHost(Process process, Login login, Path directory, boolean ownsDirectory) {
        this.process = process;
        this.login = login;
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
    }

    /** Starts an sshd on {@code address} (e.g. 127.0.0.11) on a free port with a fresh host key and client key. */
    public static SshTestHost start(String address) throws IOException {
        return start(SshdSetup.at(address));
    }

    /** Starts an sshd as {@code setup} says and returns once it listens. */
    public static SshTestHost start(SshdSetup setup) throws IOException {
        return SshdLauncher.launch(setup);
    }

    public Login login() {
        return login;
    }

    public String address() {
        return login.address();
    }

    public int port() {
        return login.port();
    }

    public String hostKeyFingerprint() {
        return login.hostKeyFingerprint();
    }

    public Path clientKey() {
        return login.clientKey();
    }

    /** The directory holding this host's keys, config and {@code sshd.log}. */
    public Path directory() {
        return directory;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops this sshd and its per-connection children by PID, and removes its directory if it created it. */
    public void stop() {
        SshdProcesses.stop(process);
        if (ownsDirectory) {
            TempDirs.deleteQuietly(directory);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
