package org.offops.deploy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.offops.deploy.domain.DeployConfig;
import org.offops.deploy.domain.StepOutcome;
import org.offops.deploy.domain.archive.ArchiveChecker;
import org.offops.deploy.domain.archive.ArchiveRefused;
import org.offops.deploy.domain.archive.ArchiveSummary;
import org.offops.remote.Digests;

/**
 * Release assets, downloaded ONCE per asset URL into deploy-service and checked entry by entry before any
 * container sees them; only a checked archive gets its final name, so its presence means "checked".
 */
@ApplicationScoped
public class AssetCache {

    private final Path dir;
    private final ArchiveChecker checker;
    private final AssetDownload download;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    public AssetCache(DeployConfig config, AssetDownload download) {
        this.dir = Path.of(config.assetDir().orElse(System.getProperty("java.io.tmpdir") + "/offops-deploy-assets"));
        this.checker = new ArchiveChecker(config.archiveLimits());
        this.download = download;
    }

    /** The download-asset step: fetch and check (once), report the archive's size. */
    StepOutcome fetch(String url, long start) {
        try {
            Path archive = checked(url);
            return StepOutcome.success(null, "checked " + url + " (" + Files.size(archive) + " bytes)", null,
                    StepRunner.millis(start));
        } catch (AssetRefusedException e) {
            return StepOutcome.failure(null, "", e.getMessage(), StepRunner.millis(start));
        } catch (IOException | UncheckedIOException e) {
            return StepOutcome.failure(null, "", "could not download the release asset " + url + ": "
                    + e.getMessage(), StepRunner.millis(start));
        }
    }

    /** The local, checked archive of {@code url}, downloading and checking it first if needed. */
    Path checked(String url) {
        Path file = dir.resolve(Digests.sha256Hex(url) + ".tgz");
        synchronized (locks.computeIfAbsent(url, u -> new Object())) {
            if (refused.containsKey(url)) {
                throw new AssetRefusedException(refused.get(url));
            }
            if (Files.exists(file)) {
                return file;
            }
            try {
                Files.createDirectories(dir);
                Path part = Files.createTempFile(dir, "download-", ".part");
                try {
                    download.to(url, part);
                    check(part);
                    Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
                    return file;
                } finally {
                    Files.deleteIfExists(part);
                }
            } catch (ArchiveRefused e) {
                String why = "release asset " + url + " refused before extraction: " + e.getMessage();
                refused.put(url, why);
                throw new AssetRefusedException(why);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ArchiveSummary check(Path archive) throws IOException, ArchiveRefused {
        try (InputStream in = Files.newInputStream(archive)) {
            return checker.check(in);
        }
    }
}
