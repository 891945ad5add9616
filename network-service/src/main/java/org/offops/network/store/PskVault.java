package org.offops.network.store;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.offops.network.domain.Psk;

/**
 * Seals PSKs at rest with AES-256-GCM under {@code offops.network.psk-key} (base64 of 32 bytes, from the
 * environment, never in the database); the link name and identity are bound as associated data so a sealed key
 * cannot be moved to another link. In prod the service refuses to start without a valid key.
 */
@ApplicationScoped
@Startup
public class PskVault {

    private static final Logger LOG = Logger.getLogger(PskVault.class);
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public PskVault(@ConfigProperty(name = "offops.network.psk-key") Optional<String> configured) {
        this(configured, LaunchMode.current());
    }

    PskVault(Optional<String> configured, LaunchMode mode) {
        byte[] raw = decode(configured.orElse(""));
        if (raw == null) {
            if (mode == LaunchMode.NORMAL) {
                throw new IllegalStateException("offops.network.psk-key (OFFOPS_PSK_KEY) must be the base64 of 32"
                        + " random bytes (openssl rand -base64 32): refusing to start without a key for PSKs at rest");
            }
            LOG.warn("offops.network.psk-key is not set: using a throwaway key (dev/test only)");
            raw = new byte[32];
            random.nextBytes(raw);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public byte[] seal(String linkName, Psk psk) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, linkName, psk.identity());
            byte[] sealed = cipher.doFinal(psk.key().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing the PSK of link " + linkName + " failed", e);
        }
    }

    public Psk open(String linkName, String identity, byte[] sealed) {
        try {
            byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, linkName, identity);
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return new Psk(identity, new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            // never the cause's text: it says nothing useful and must not hint at key material
            throw new IllegalStateException("the PSK " + identity + " of link " + linkName
                    + " cannot be opened: wrong offops.network.psk-key or tampered data");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String linkName, String identity) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD((linkName + "\n" + identity).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    static byte[] decode(String base64) {
        try {
            byte[] raw = Base64.getDecoder().decode(base64.strip());
            return raw.length == 32 ? raw : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
