package org.offops.storage.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.offops.remote.git.ConfigRepository;
import org.offops.testkit.TempDirs;

/**
 * A bare infrastructure git repository and a private inventory topic for one @QuarkusTest class (other tests announce
 * hosts with the same names on the shared offops.inventory), plus a fast retry of failed recordings.
 */
public class ConfigRepoTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile Path dir;
    private static volatile String inventoryTopic;

    public static Path bareRepo() {
        return dir.resolve("infra.git");
    }

    public static String inventoryTopic() {
        return inventoryTopic;
    }

    /** Runs git against the bare repository and returns its output; fails the test when git fails. */
    public static String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", bareRepo().toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new AssertionError(command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("storage-gitrecord-");
            inventoryTopic = "offops.inventory.storage-gitrecord-" + UUID.randomUUID();
            ConfigRepository.initBare(bareRepo());
            return Map.of("mp.messaging.incoming.inventory-events.topic", inventoryTopic,
                    "offops.config-repo.url", bareRepo().toString(),
                    "offops.config-repo.clone", dir.resolve("clone").toString(),
                    "offops.storage.config-record.retry", "1s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (dir == null) {
            return;
        }
        TempDirs.deleteQuietly(dir);
    }
}
