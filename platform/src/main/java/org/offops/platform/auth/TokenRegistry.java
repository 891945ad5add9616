package org.offops.platform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.offops.remote.Digests;

/** Resolves a presented bearer token to its configured entry by comparing SHA-256 hashes only. */
@ApplicationScoped
public class TokenRegistry {

    private final List<ApiToken> tokens;

    public TokenRegistry(@ConfigProperty(name = "offops.auth.tokens") Optional<List<String>> entries) {
        this.tokens = entries.orElse(List.of()).stream()
                .filter(e -> !e.isBlank())
                .map(ApiToken::parse)
                .toList();
    }

    public Optional<ApiToken> resolve(String presented) {
        byte[] hash = Digests.sha256Hex(presented).getBytes(StandardCharsets.US_ASCII);
        // Compare against every entry in constant time so timing reveals nothing about which one matched.
        ApiToken found = null;
        for (ApiToken token : tokens) {
            if (MessageDigest.isEqual(hash, token.sha256().getBytes(StandardCharsets.US_ASCII))) {
                found = token;
            }
        }
        return Optional.ofNullable(found);
    }

}
