package org.offops.remote;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** A remote action failed; the message names the host, the command's shell line and the exit code or its absence. */
public final class RemoteException extends RuntimeException {

    private static final int COMMAND_CHARS_IN_MESSAGE = 400;

    private final String host;
    private final String command;
    private final Integer exitCode;
    private final boolean timedOut;
    private final transient ExecResult result;

    private RemoteException(String host, String command, Integer exitCode, String detail, boolean timedOut,
                            ExecResult result, Throwable cause) {
        super("on host " + host + ", command `" + abbreviate(command) + "` failed: "
                + (exitCode != null ? "exit code " + exitCode : "no exit code") + ": " + detail, cause);
        this.host = host;
        this.command = command;
        this.exitCode = exitCode;
        this.timedOut = timedOut;
        this.result = result;
    }

    /** The command ran and exited non-zero; the last stderr line says why. */
    public static RemoteException failed(ExecResult result) {
        String stderr = result.stderrTail().strip();
        String lastLine = stderr.isEmpty() ? "(no stderr)" : stderr.substring(stderr.lastIndexOf('\n') + 1);
        return new RemoteException(result.host(), result.command(), result.exitCode(),
                "stderr: " + abbreviate(lastLine), false, result, null);
    }

    /** The command has no exit code: refused, unreachable, lost connection, killed by a signal. */
    public static RemoteException noExitCode(String host, String command, String reason, Throwable cause) {
        return new RemoteException(host, command, null, reason, false, null, cause);
    }

    public static RemoteException timedOut(String host, String command, Duration timeout) {
        return new RemoteException(host, command, null, "timed out after " + timeout.toMillis() + " ms", true,
                null, null);
    }

    public String host() {
        return host;
    }

    public String command() {
        return command;
    }

    public OptionalInt exitCode() {
        return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }

    public boolean isTimeout() {
        return timedOut;
    }

    /** The full result when the command ran to an exit code. */
    public Optional<ExecResult> result() {
        return Optional.ofNullable(result);
    }

    private static String abbreviate(String text) {
        return text.length() <= COMMAND_CHARS_IN_MESSAGE ? text
                : text.substring(0, COMMAND_CHARS_IN_MESSAGE) + "...(" + text.length() + " chars)";
    }
}
