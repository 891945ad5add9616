package org.offops.deploy.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The repositories whose GitHub releases deploy-service accepts, each with its own webhook secret and flavors. */
@ConfigMapping(prefix = "offops.deploy")
public interface WebhookConfig {

    /** Repositories by a local key, e.g. {@code offops.deploy.repositories.product-opener.name}. */
    Map<String, Repository> repositories();

    /** Whether draft and prerelease releases deploy too (off by default). */
    @WithDefault("false")
    boolean deployPrereleases();

    /** The release asset whose download URL goes into ReleasePublished. */
    @WithDefault("frontend-dist.tgz")
    String assetName();

    /** One GitHub repository: its full name, its webhook secret (absent means every delivery is refused). */
    interface Repository {

        String name();

        Optional<String> secret();

        List<String> flavors();
    }

    /** The configured repository with this full name (case-insensitive, as GitHub treats them). */
    default Optional<Repository> repository(String fullName) {
        return fullName == null ? Optional.empty() : repositories().values().stream()
                .filter(r -> r.name().equalsIgnoreCase(fullName)).findFirst();
    }
}
