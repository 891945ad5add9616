package org.offops.testkit.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The stand-in's upstream git repository: a work tree that commits releases and a bare repository clones fetch. */
final class StandInRepository {

    private final Path work;
    private final Path bare;

    private StandInRepository(Path work, Path bare) {
        this.work = work;
        this.bare = bare;
    }

    static StandInRepository init(Path root) throws IOException {
        StandInRepository repository = new StandInRepository(root.resolve("work"), root.resolve("product-opener.git"));
        if (!Files.isDirectory(repository.bare)) {
            Files.createDirectories(repository.work);
            repository.git(root, "init", "-q", "--bare", repository.bare.toString());
            repository.git(repository.work, "init", "-q");
            repository.git(repository.work, "remote", "add", "origin", repository.bare.toString());
        }
        return repository;
    }

    Path bare() {
        return bare;
    }

    boolean hasTag(String tag) {
        try {
            git(bare, "rev-parse", "-q", "--verify", "refs/tags/" + tag);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the release's files, commits and tags it, and pushes both to the bare repository. */
    void commitRelease(String tag, Map<String, String> extra) throws IOException {
        Map<String, String> files = new java.util.LinkedHashMap<>(StandInFiles.repository(tag));
        files.putAll(extra);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = work.resolve(file.getKey()).normalize();
            if (!path.startsWith(work)) {
                throw new IllegalArgumentException("not inside the repository: " + file.getKey());
            }
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
            if (file.getValue().startsWith("#!")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        git(work, "add", "-A");
        git(work, "commit", "-q", "--allow-empty", "-m", "Release " + tag);
        git(work, "tag", "-a", tag, "-m", "Product Opener " + tag);
        git(work, "push", "-q", "origin", "HEAD:refs/heads/main", "refs/tags/" + tag);
    }

    private void git(Path cwd, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Release Bot",
                "-c", "user.email=release-bot@example.org", "-c", "init.defaultBranch=main",
                "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("`" + String.join(" ", command) + "` in " + cwd + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
