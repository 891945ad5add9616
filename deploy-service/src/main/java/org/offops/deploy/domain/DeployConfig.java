package org.offops.deploy.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.offops.deploy.domain.archive.ArchiveLimits;
import org.offops.deploy.domain.plan.FlavorSettings;

/** How deployments run: per-flavor paths, builds and units; parallelism, timeouts, retries and archive limits. */
@ConfigMapping(prefix = "offops.deploy")
public interface DeployConfig {

    Map<String, Flavor> flavors();

    /** Whether this instance runs deployments (false: it only queues them and serves the API, e.g. in maintenance). */
    @WithDefault("true")
    boolean dispatch();

    /** Containers deploying at the same time, across all releases. */
    @WithDefault("8")
    int maxParallel();

    @WithDefault("10m")
    Duration stepTimeout();

    /** Attempts of a retryable step (fetch, download, upload, health) before it fails. */
    @WithDefault("3")
    int attempts();

    /** Wait before the second attempt; doubled before each further one. */
    @WithDefault("500ms")
    Duration retryBackoff();

    /** Release assets of operator deployments: {@code <base><repository>/releases/download/<tag>/<asset>}. */
    @WithDefault("https://github.com/")
    String assetBaseUrl();

    /** Where release assets are downloaded once per release (default: a directory in java.io.tmpdir). */
    Optional<String> assetDir();

    @WithDefault("20000")
    int archiveMaxEntries();

    @WithDefault("536870912")
    long archiveMaxBytes();

    /** One flavor; {@code build} lists commands (words separated by spaces) run in the code path, in order. */
    interface Flavor {

        String codePath();

        String staticPath();

        Optional<List<String>> build();

        List<String> units();

        @WithDefault("3")
        int keepReleases();

        @WithDefault("/version")
        String healthPath();
    }

    default Optional<FlavorSettings> settings(String flavor) {
        return Optional.ofNullable(flavors().get(flavor)).map(f -> new FlavorSettings(f.codePath(), f.staticPath(),
                f.build().orElse(List.of()).stream().map(c -> Arrays.asList(c.trim().split("\\s+"))).toList(),
                f.units(), f.keepReleases(), f.healthPath()));
    }

    default ArchiveLimits archiveLimits() {
        return new ArchiveLimits(archiveMaxEntries(), archiveMaxBytes());
    }
}
