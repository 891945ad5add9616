package org.offops.testkit.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.offops.testkit.fleet.FleetBox;

/**
 * A tiny Product Opener to deploy: an upstream git repository with release tags, each tag's frontend-dist.tgz
 * served over HTTP like GitHub's release assets, and the fleet box's app containers seeded with a clone at the
 * first release (see {@link StandInSeeder} for the layout).
 */
public final class ProductOpenerStandIn implements AutoCloseable {

    public static final String REPOSITORY = "openfoodfacts/openfoodfacts-server";
    public static final String ASSET = "frontend-dist.tgz";
    public static final String FIRST = "v1.0.0";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final StandInRepository repository;
    private final ReleaseAssets assets;

    private ProductOpenerStandIn(Path dir, StandInRepository repository, ReleaseAssets assets) {
        this.dir = dir;
        this.repository = repository;
        this.assets = assets;
    }

    /**
     * Creates the upstream repository in {@code dir} with tags v1.0.0 and v1.1.0 (or reuses the one there) and
     * starts the asset server.
     */
    public static ProductOpenerStandIn create(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.toAbsolutePath().normalize());
        ReleaseAssets assets = ReleaseAssets.start(root.resolve("assets"), REPOSITORY, ASSET);
        ProductOpenerStandIn standIn = new ProductOpenerStandIn(root, StandInRepository.init(root), assets);
        for (String tag : List.of(FIRST, "v1.1.0")) {
            if (!standIn.repository.hasTag(tag)) {
                standIn.release(tag);
            } else if (!Files.isRegularFile(assets.file(tag))) {
                assets.publish(tag, StandInFiles.staticTree(tag));
            }
        }
        return standIn;
    }

    /** The bare repository every clone fetches from (a path, visible at the same place inside every host). */
    public String repositoryUrl() {
        return repository.bare().toString();
    }

    public String repositoryName() {
        return REPOSITORY;
    }

    public String assetBaseUrl() {
        return assets.baseUrl();
    }

    public String assetUrl(String tag) {
        return assets.url(tag);
    }

    /** How many times the asset of {@code tag} was downloaded. */
    public int downloads(String tag) {
        return assets.downloads(tag);
    }

    /** A new commit whose VERSION is {@code tag}, tagged, with its archive. */
    public void release(String tag) throws IOException {
        release(tag, Map.of());
    }

    /** {@link #release(String)} with extra or changed files (path in the repository → content). */
    public synchronized void release(String tag, Map<String, String> files) throws IOException {
        repository.commitRelease(tag, files);
        assets.publish(tag, StandInFiles.staticTree(tag));
    }

    /** Serves {@code tgz} as the asset of {@code tag} from now on (e.g. a hostile archive). */
    public void serveAsset(String tag, byte[] tgz) throws IOException {
        assets.replace(tag, tgz);
    }

    /** Seeds every started app container of the box that has no clone yet at v1.0.0 and restarts its units. */
    public void seed(FleetBox box) throws IOException {
        new StandInSeeder(box, repositoryUrl(), assets.file(FIRST)).seedAll(FIRST);
    }

    /** The archive of {@code tag} as served, on this machine's disk. */
    public Path assetFile(String tag) {
        return assets.file(tag);
    }

    /** The body of a GitHub {@code release} webhook for {@code tag}, action {@code published}. */
    public String releasePayload(String tag) {
        Map<String, Object> asset = Map.of("name", ASSET, "browser_download_url", assetUrl(tag),
                "content_type", "application/gzip");
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("id", Math.abs((long) tag.hashCode()));
        release.put("tag_name", tag);
        release.put("name", tag);
        release.put("draft", false);
        release.put("prerelease", false);
        release.put("html_url", "https://github.com/" + REPOSITORY + "/releases/tag/" + tag);
        release.put("assets", List.of(asset));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", "published");
        payload.put("release", release);
        payload.put("repository", Map.of("full_name", REPOSITORY, "name", "openfoodfacts-server"));
        payload.put("sender", Map.of("login", "release-bot"));
        try {
            return JSON.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        assets.close();
    }
}
