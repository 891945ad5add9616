package org.offops.remote.sshj;

import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

/** Closing session channels without letting a broken one throw. */
final class Sessions {

    private Sessions() {
    }

    static void killAndClose(Session session, Runnable afterwards) {
        try {
            if (session != null) {
                try {
                    // OpenSSH delivers "signal" requests (RFC 4254 6.9) to the command it started
                    if (session instanceof Session.Command command) {
                        command.signal(Signal.KILL);
                    }
                } catch (Exception ignored) {
                    // the command may be gone already
                }
                closeQuietly(session);
            }
        } finally {
            afterwards.run();
        }
    }

    static void closeQuietly(Session session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (Exception ignored) {
            // a channel on a dead connection cannot be closed more than it is
        }
    }
}
