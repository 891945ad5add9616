package org.offops.remote.sshj;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.connection.channel.direct.Session;

/** The one pooled SSH connection to a host, reopened when it dropped, and the limit on commands running at once. */
final class HostConnection {

    private final Connector connector;
    private final Semaphore slots;
    private SSHClient client;

    HostConnection(Connector connector, int maxSessions) {
        this.connector = connector;
        this.slots = new Semaphore(maxSessions, true);
    }

    boolean acquire(long nanos) throws InterruptedException {
        return slots.tryAcquire(nanos, TimeUnit.NANOSECONDS);
    }

    void release() {
        slots.release();
    }

    /** A new session channel; a connection that died since the last command is replaced once, transparently. */
    Session openSession(String commandLine) throws IOException {
        SSHClient current = connected(commandLine);
        try {
            return current.startSession();
        } catch (SSHException stale) {
            discard(current);
            return connected(commandLine).startSession();
        }
    }

    synchronized void close() {
        Connector.closeQuietly(client);
        client = null;
    }

    private synchronized void discard(SSHClient stale) {
        if (client == stale) {
            close();
        }
    }

    private synchronized SSHClient connected(String commandLine) {
        if (client == null || !client.isConnected() || !client.isAuthenticated()) {
            close();
            client = connector.connect(commandLine);
        }
        return client;
    }
}
