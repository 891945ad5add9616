package org.offops.remote.sshj;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import org.offops.remote.ExecOptions;
import org.offops.remote.ExecResult;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteException;
import org.offops.remote.RemoteHost;
import org.offops.remote.SshExecutor;

/** {@link SshExecutor} over sshj: pinned host keys, one pooled connection per host, a session channel per command. */
public final class SshjExecutor implements SshExecutor, AutoCloseable {

    private final SshjSettings settings;
    private final Config config = new DefaultConfig();
    private final KeyProvider key;
    private final Map<RemoteHost, HostConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final ExecutorService io = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "ssh-io");
        thread.setDaemon(true);
        return thread;
    });

    public SshjExecutor(SshjSettings settings) {
        this.settings = settings;
        try (SSHClient loader = new SSHClient(config)) {
            if (!Files.isReadable(settings.privateKey())) {
                throw new IllegalArgumentException("cannot read SSH private key file " + settings.privateKey());
            }
            this.key = loader.loadKeys(settings.privateKey().toString());
            key.getPublic(); // parse now: a broken key file fails at startup, not at the first command
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot load SSH private key file " + settings.privateKey() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public ExecResult run(RemoteHost host, RemoteCommand command, ExecOptions options) {
        String line = command.toShellLine();
        long start = System.nanoTime();
        HostConnection connection = connections.computeIfAbsent(host, h -> new HostConnection(
                new Connector(h, settings, config, key, connectionsOpened), settings.maxSessionsPerHost()));
        try {
            if (!connection.acquire(options.timeout().toNanos())) {
                throw RemoteException.timedOut(host.name(), line, options.timeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RemoteException.noExitCode(host.name(), line, "interrupted while waiting for a session slot", e);
        }
        boolean released = false;
        Session session = null;
        try {
            session = connection.openSession(line);
            return CommandRun.await(session, host.name(), line, options, io, start);
        } catch (TimeoutException e) {
            Session doomed = session;
            released = true;
            // sshd answers the close only once the command is gone: kill and close in the background
            io.submit(() -> Sessions.killAndClose(doomed, connection::release));
            throw RemoteException.timedOut(host.name(), line, options.timeout());
        } catch (IOException e) {
            throw RemoteException.noExitCode(host.name(), line, "ssh session failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RemoteException.noExitCode(host.name(), line, "interrupted", e);
        } finally {
            if (!released) {
                Sessions.closeQuietly(session);
                connection.release();
            }
        }
    }

    /** How many SSH connections this executor has opened so far (pooling keeps it at one per host). */
    public long connectionsOpened() {
        return connectionsOpened.get();
    }

    @Override
    public void close() {
        connections.values().forEach(HostConnection::close);
        connections.clear();
        io.shutdownNow();
    }
}
