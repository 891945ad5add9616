package org.offops.deploy.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.offops.deploy.domain.Signature;
import org.offops.deploy.domain.WebhookConfig;
import org.offops.deploy.domain.WebhookConfig.Repository;
import org.offops.platform.api.ApiException;

/** Finds the repository a delivery claims to come from and checks its signature with that repository's secret. */
@ApplicationScoped
public class WebhookAuthenticator {

    private static final Logger LOG = Logger.getLogger(WebhookAuthenticator.class);
    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private final WebhookConfig config;

    public WebhookAuthenticator(WebhookConfig config) {
        this.config = config;
    }

    /**
     * The repository whose secret signed {@code body}, or null when {@code root} is unreadable yet some configured
     * secret signed it (the caller then answers 400); otherwise 401. Neither secret nor signature is ever logged.
     */
    public Repository authenticate(JsonNode root, byte[] body, String signature) {
        if (root == null) {
            if (config.repositories().values().stream().anyMatch(r -> signedBy(r, body, signature))) {
                return null;
            }
            throw refused("a delivery with an unreadable body and no valid signature");
        }
        String fullName = root.path("repository").path("full_name").asText(null);
        Repository repository = config.repository(fullName).orElseThrow(() ->
                refused("a delivery for unknown repository " + printable(fullName)));
        if (!signedBy(repository, body, signature)) {
            throw refused("a delivery for " + repository.name() + " with a missing or invalid signature");
        }
        return repository;
    }

    private static boolean signedBy(Repository repository, byte[] body, String signature) {
        return Signature.valid(repository.secret().orElse(null), body, signature);
    }

    private static ApiException refused(String what) {
        LOG.warnf("GitHub webhook refused %s", what);
        return new ApiException(401, "the webhook signature is missing or invalid", SIGNATURE_HEADER);
    }

    /** The claimed name with anything outside GitHub's repository alphabet replaced, so it cannot forge log lines. */
    private static String printable(String name) {
        if (name == null) {
            return "(none)";
        }
        String capped = name.length() > 100 ? name.substring(0, 100) : name;
        return "'" + capped.replaceAll("[^A-Za-z0-9._/-]", "?") + "'";
    }
}
