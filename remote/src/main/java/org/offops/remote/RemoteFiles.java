package org.offops.remote;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/** Files on hosts through an {@link SshExecutor} alone: atomic push, read for drift detection, archive extraction. */
public final class RemoteFiles {

    private static final Pattern MODE = Pattern.compile("[0-7]{3,4}");
    private static final int MAX_READ_BYTES = 16 * 1024 * 1024;

    private final SshExecutor ssh;
    private final Duration timeout;

    public RemoteFiles(SshExecutor ssh, Duration timeout) {
        this.ssh = Objects.requireNonNull(ssh, "ssh");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public RemoteFiles(SshExecutor ssh) {
        this(ssh, Duration.ofMinutes(5));
    }

    /**
     * Writes {@code content} to {@code path} so a reader sees the old file or the whole new one, never a part.
     *
     * @param owner {@code user} or {@code user:group}
     * @param mode  octal, e.g. {@code 0644}; secrets should be {@code 0600}
     * @return the SHA-256 (hex) of the file now on the host
     */
    public String push(RemoteHost host, String path, byte[] content, String owner, String mode) {
        Names.absolutePath(path);
        checkOwner(owner);
        if (mode == null || !MODE.matcher(mode).matches()) {
            throw new InvalidNameException("mode", mode, "must be octal like 0644");
        }
        String sha256 = Digests.sha256Hex(content);
        byte[] header = (sha256 + "\n").getBytes(StandardCharsets.US_ASCII);
        InputStream stdin = new SequenceInputStream(new ByteArrayInputStream(header), new ByteArrayInputStream(content));
        RemoteCommand command = RemoteCommand.script(FileScripts.PUSH, path, owner, mode);
        ssh.run(host, command, ExecOptions.defaults().withTimeout(timeout).withStdin(stdin)).orThrow();
        return sha256;
    }

    /** Reads a regular file (up to 16 MiB); an absent file gives {@link RemoteFile#absent}. */
    public RemoteFile read(RemoteHost host, String path) {
        Names.absolutePath(path);
        RemoteCommand command = RemoteCommand.script(FileScripts.READ, path);
        ExecResult result = ssh.run(host, command,
                ExecOptions.defaults().withTimeout(timeout).withTailBytes(MAX_READ_BYTES / 3 * 4 + 64)).orThrow();
        if (result.truncated()) {
            throw RemoteException.noExitCode(host.name(), command.toShellLine(), "file larger than "
                    + MAX_READ_BYTES + " bytes", null);
        }
        String out = result.stdoutTail();
        if (out.strip().equals("absent")) {
            return RemoteFile.absent(path);
        }
        if (!out.startsWith("present\n")) {
            throw RemoteException.noExitCode(host.name(), command.toShellLine(), "unexpected reply to read", null);
        }
        return RemoteFile.of(path, Base64.getDecoder().decode(out.substring("present\n".length()).strip()));
    }

    /** Streams a local tar.gz into {@code targetDir}, which must not exist yet (it is created; removed on failure). */
    public ExecResult extractArchive(RemoteHost host, InputStream tarGz, String targetDir) {
        Names.absolutePath(targetDir);
        RemoteCommand command = RemoteCommand.script(FileScripts.EXTRACT, targetDir);
        return ssh.run(host, command, ExecOptions.defaults().withTimeout(timeout).withStdin(tarGz)).orThrow();
    }

    private static void checkOwner(String owner) {
        if (owner == null) {
            throw new InvalidNameException("owner", null, "is required");
        }
        String[] parts = owner.split(":", -1);
        if (parts.length > 2) {
            throw new InvalidNameException("owner", owner, "must be user or user:group");
        }
        for (String part : parts) {
            Names.unixUser(part);
        }
    }
}
