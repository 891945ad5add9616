package org.offops.remote.sshj;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.offops.remote.ExecOptions;
import org.offops.remote.ExecResult;
import org.offops.remote.RemoteException;

/** One command on one session channel: feeds stdin, drains stdout and stderr into bounded tails, waits for the exit. */
final class CommandRun {

    private CommandRun() {
    }

    /** @throws TimeoutException when the deadline passes first; the caller then kills and closes the session */
    static ExecResult await(Session session, String hostName, String line, ExecOptions options, ExecutorService io,
                            long startNanos) throws IOException, TimeoutException, InterruptedException {
        long deadline = startNanos + options.timeout().toNanos();
        Session.Command command = session.exec(withHostSideTimeout(line, options.timeout()));
        Consumer<String> onLine = serialized(options.onLine());
        OutputTail out = new OutputTail(options.tailBytes(), onLine);
        OutputTail err = new OutputTail(options.tailBytes(), onLine);
        Future<?> outPump = io.submit(() -> drain(out, command.getInputStream()));
        Future<?> errPump = io.submit(() -> drain(err, command.getErrorStream()));
        Future<?> feed = io.submit(() -> feed(options.stdin(), command.getOutputStream()));
        try {
            waitFor(outPump, deadline);
            waitFor(errPump, deadline);
            command.join(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ConnectionException e) {
            if (System.nanoTime() - deadline >= 0) {
                throw new TimeoutException("no channel close before the deadline");
            }
            throw e;
        } finally {
            // a command may exit without reading all of its stdin
            feed.cancel(true);
        }
        Integer exit = command.getExitStatus();
        if (exit == null) {
            String reason = command.getExitSignal() != null ? "killed by signal " + command.getExitSignal()
                    : "the channel closed without an exit status";
            throw RemoteException.noExitCode(hostName, line, reason, null);
        }
        return new ExecResult(hostName, line, exit, out.text(), err.text(), out.truncated() || err.truncated(),
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /**
     * OpenSSH ignores "signal" requests on root sessions (no post-auth privilege separation), so a timed-out command
     * could outlive its channel: coreutils timeout ends it (and its process group) on the host a moment after the
     * client gave up.
     */
    static String withHostSideTimeout(String line, Duration timeout) {
        long seconds = (timeout.toMillis() + 999) / 1000 + 1;
        return "timeout -k 5 " + seconds + " " + line;
    }

    private static Void drain(OutputTail tail, InputStream stream) throws IOException {
        tail.drain(stream);
        return null;
    }

    private static Void feed(InputStream stdin, OutputStream channel) throws IOException {
        // closing the channel's stream sends EOF, so commands reading stdin end even when there is none
        try (channel) {
            if (stdin != null) {
                stdin.transferTo(channel);
                // sshj's close() does not wait for window space and drops what is still buffered: flush first
                channel.flush();
            }
        }
        return null;
    }

    private static void waitFor(Future<?> pump, long deadline)
            throws IOException, TimeoutException, InterruptedException {
        try {
            pump.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    private static Consumer<String> serialized(Consumer<String> onLine) {
        Object lock = new Object();
        return text -> {
            synchronized (lock) {
                onLine.accept(text);
            }
        };
    }
}
