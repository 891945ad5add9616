package org.offops.remote;

import java.time.Duration;

/** What a finished command left: its exit code and the last bytes of each output stream ({@code truncated} if more). */
public record ExecResult(String host, String command, int exitCode, String stdoutTail, String stderrTail,
                         boolean truncated, Duration duration) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** Returns this result if the command exited 0, else throws a {@link RemoteException} naming host, command and exit code. */
    public ExecResult orThrow() {
        if (!ok()) {
            throw RemoteException.failed(this);
        }
        return this;
    }

    @Override
    public String toString() {
        // output may hold file contents read from the host: sizes only
        return "ExecResult[host=" + host + ", command=" + command + ", exitCode=" + exitCode + ", stdout="
                + stdoutTail.length() + " chars, stderr=" + stderrTail.length() + " chars, truncated=" + truncated
                + ", duration=" + duration + "]";
    }
}
