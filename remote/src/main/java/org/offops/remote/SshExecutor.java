package org.offops.remote;

/** Runs one command on one host over SSH: the only way services act on hosts. */
@FunctionalInterface
public interface SshExecutor {

    /**
     * Returns the result whatever the exit code (see {@link ExecResult#ok()}, {@link ExecResult#orThrow()}).
     *
     * @throws RemoteException when there is no exit code: refused host key, unreachable host, timeout, signal
     */
    ExecResult run(RemoteHost host, RemoteCommand command, ExecOptions options);

    default ExecResult run(RemoteHost host, RemoteCommand command) {
        return run(host, command, ExecOptions.defaults());
    }
}
