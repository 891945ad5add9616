package org.offops.remote.sshj;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import org.offops.remote.Digests;

/** Accepts exactly the pinned host key (by SHA256 fingerprint) and remembers what was presented when it refuses. */
final class PinnedHostKeyVerifier implements HostKeyVerifier {

    private final String pinned;
    private volatile String presented;

    PinnedHostKeyVerifier(String pinnedFingerprint) {
        this.pinned = pinnedFingerprint;
    }

    /** The fingerprint OpenSSH prints for this key: {@code SHA256:} + unpadded base64 of the key blob's SHA-256. */
    static String sha256Fingerprint(PublicKey key) {
        return Digests.openSshFingerprint(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        presented = sha256Fingerprint(key);
        return pinned != null && MessageDigest.isEqual(pinned.getBytes(), presented.getBytes());
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        // pins are of ed25519 host keys: ask for that key first so a host with several keys presents the pinned one
        return List.of("ssh-ed25519");
    }

    /** Whether the last presented key was refused. */
    boolean refused() {
        return presented != null && (pinned == null || !pinned.equals(presented));
    }

    String refusal() {
        return "host key refused: pinned " + (pinned == null ? "(none)" : pinned) + ", presented " + presented;
    }
}
