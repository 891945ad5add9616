package org.offops.testkit.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Thin wrapper over OpenSSH's ssh-keygen, so keys and fingerprints are exactly what OpenSSH produces. */
final class SshKeys {

    private SshKeys() {
    }

    static void generateEd25519(Path privateKey, String comment) throws IOException {
        Files.deleteIfExists(privateKey);
        Files.deleteIfExists(Path.of(privateKey + ".pub"));
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", privateKey.toString()));
    }

    /** The SHA256 fingerprint as OpenSSH prints it ({@code SHA256:...}). */
    static String sha256Fingerprint(Path publicKey) throws IOException {
        String line = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", publicKey.toString()));
        // "256 SHA256:abc... comment (ED25519)"
        return line.trim().split("\\s+")[1];
    }

    static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }
}
