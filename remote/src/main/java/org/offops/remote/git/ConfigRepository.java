package org.offops.remote.git;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.PersonIdent;

/** Records rendered files under {@code confs/<server>/<path on server>} in the infrastructure git repository. */
public final class ConfigRepository implements AutoCloseable {

    /** The commit that holds the change, and whether it is new (false: the files were already recorded). */
    public record Recorded(String commitId, boolean newCommit) {
    }

    private static final int MAX_ATTEMPTS = 25;

    private final WorkingClone clone;
    private final PersonIdent author;

    /** @param remoteUrl a local bare repository path or any URL JGit can push to */
    public ConfigRepository(String remoteUrl, Path workingClone, String branch, PersonIdent author) {
        try {
            this.clone = WorkingClone.open(remoteUrl, workingClone, branch);
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot open a working clone of " + remoteUrl + " in " + workingClone, e);
        }
        this.author = author;
    }

    public ConfigRepository(String remoteUrl, Path workingClone) {
        this(remoteUrl, workingClone, "main", new PersonIdent("offops", "offops@localhost"));
    }

    /** Creates a bare repository with an initial commit on {@code main}, unless one is there already. */
    public static void initBare(Path directory) {
        BareRepository.init(directory, "main");
    }

    /**
     * Makes one commit for one applied change, with {@code Event-Id: <eventId>} in its message, or none when the files
     * are already recorded. Every file passes the secret guard before any is written. Safe with other writers (each
     * with its own working clone): the change is written on top of origin's head and a rejected push is retried.
     *
     * @param files content by absolute path on the server
     * @throws SecretRefusedException when a path or content looks secret; nothing is written then
     */
    public synchronized Recorded commit(String server, Map<String, byte[]> files, String eventId, String message) {
        Map<String, byte[]> byRepoPath = RecordedChange.filesByRepoPath(server, files);
        String fullMessage = RecordedChange.message(server, eventId, message);
        TransportException lastTransportFailure = null;
        try {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                try {
                    Optional<Recorded> recorded = attempt(byRepoPath, fullMessage);
                    if (recorded.isPresent()) {
                        return recorded.get();
                    }
                } catch (TransportException e) {
                    // a concurrent writer holding origin's ref lock surfaces here on some transports: retry
                    lastTransportFailure = e;
                }
                // jittered, capped low: a writer that lost should not fall far behind the ones that keep winning
                Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(250, 10L << attempt)));
            }
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("recording " + byRepoPath.keySet() + " for event " + eventId + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording event " + eventId, e);
        }
        throw new IllegalStateException("recording event " + eventId + " was not pushed after " + MAX_ATTEMPTS
                + " attempts (rejected by concurrent writers or unreachable origin)", lastTransportFailure);
    }

    private Optional<Recorded> attempt(Map<String, byte[]> files, String message) throws IOException, GitAPIException {
        clone.levelWithOrigin();
        if (!clone.stage(files)) {
            return Optional.of(new Recorded(clone.head(), false));
        }
        clone.commit(message, new PersonIdent(author, Instant.now()));
        return clone.push().map(id -> new Recorded(id, true));
    }

    @Override
    public synchronized void close() {
        clone.close();
    }
}
