package org.offops.testkit.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An ed25519 client key pair generated with ssh-keygen for one test run, authorized on the test hosts it is given to. */
public record ClientKey(Path privateKey, Path publicKey) {

    /** Generates a passphrase-less ed25519 key pair as {@code dir/id_ed25519} and {@code dir/id_ed25519.pub}. */
    public static ClientKey generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path key = dir.resolve("id_ed25519");
        SshKeys.generateEd25519(key, "offops-test-client");
        return new ClientKey(key, dir.resolve("id_ed25519.pub"));
    }

    /** Reuses the key pair in {@code dir} (so a restarted host keeps trusting existing clients) or generates one. */
    public static ClientKey reuseOrGenerate(Path dir) throws IOException {
        ClientKey existing = new ClientKey(dir.resolve("id_ed25519"), dir.resolve("id_ed25519.pub"));
        if (Files.exists(existing.privateKey()) && Files.exists(existing.publicKey())) {
            return existing;
        }
        return generate(dir);
    }

    /** The public key line, as it goes into an authorized_keys file. */
    public String authorizedKeyLine() throws IOException {
        return Files.readString(publicKey).trim();
    }
}
