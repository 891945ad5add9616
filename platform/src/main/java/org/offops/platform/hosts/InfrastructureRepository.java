package org.offops.platform.hosts;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.offops.remote.git.ConfigRepository;

/**
 * The infrastructure git repository as this service writes it: applied config files go under
 * {@code confs/<server>/<path>}, one commit per applied change naming its event id. {@code offops.config-repo.url}
 * (OFFOPS_CONFIG_REPO) is any URL JGit pushes to, or a local path, which becomes a bare repository if it does not
 * exist (the local stack); unset, nothing is recorded and the start-up log says so.
 */
@ApplicationScoped
public class InfrastructureRepository {

    private static final Logger LOG = Logger.getLogger(InfrastructureRepository.class);

    private final Optional<String> url;
    private final Path clone;
    private ConfigRepository repository;

    public InfrastructureRepository(@ConfigProperty(name = "offops.config-repo.url") Optional<String> url,
                                    @ConfigProperty(name = "offops.config-repo.clone") String clone) {
        this.url = url.filter(u -> !u.isBlank());
        this.clone = Path.of(clone).toAbsolutePath();
        if (this.url.isEmpty()) {
            LOG.warn("offops.config-repo.url (OFFOPS_CONFIG_REPO) is not set: applied configs are not recorded in git");
        }
    }

    public boolean enabled() {
        return url.isPresent();
    }

    /**
     * Records {@code files} (absolute path on the server → content) for one applied change; the commit id, or empty
     * when no repository is configured. Secret-looking files or contents are refused by the repository's guard.
     */
    public synchronized Optional<String> record(String server, Map<String, String> files, String eventId,
                                                String message) {
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((path, content) -> bytes.put(path, content.getBytes(StandardCharsets.UTF_8)));
        return Optional.of(repository().commit(server, bytes, eventId, message).commitId());
    }

    private ConfigRepository repository() {
        if (repository == null) {
            String remote = url.orElseThrow();
            if (!remote.contains("://") && !remote.contains("@")) {
                Path bare = Path.of(remote).toAbsolutePath();
                if (!Files.exists(bare)) {
                    ConfigRepository.initBare(bare);
                }
                remote = bare.toString();
            }
            repository = new ConfigRepository(remote, clone);
        }
        return repository;
    }

    @PreDestroy
    synchronized void close() {
        if (repository != null) {
            repository.close();
        }
    }
}
