package org.offops.network.exec;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.offops.network.domain.HostConfig;
import org.offops.remote.git.ConfigRepository;

/** Records each host's off.conf (never a PSK file: the repository's SecretGuard would refuse one anyway). */
@ApplicationScoped
public class InfraRepo {

    private final Optional<String> url;
    private final Path clone;
    private ConfigRepository repository;

    public InfraRepo(@ConfigProperty(name = "offops.network.git.url") Optional<String> url,
                     @ConfigProperty(name = "offops.network.git.clone") String clone) {
        this.url = url.filter(u -> !u.isBlank());
        this.clone = Path.of(clone);
    }

    /** The commit id, or null when no infrastructure repository is configured. */
    public synchronized String record(String host, String offConf, String eventId, String message) {
        if (url.isEmpty()) {
            return null;
        }
        if (repository == null) {
            repository = new ConfigRepository(url.get(), clone);
        }
        return repository.commit(host, Map.of(HostConfig.PATH, offConf.getBytes(StandardCharsets.UTF_8)), eventId,
                message).commitId();
    }

    @PreDestroy
    synchronized void close() {
        if (repository != null) {
            repository.close();
        }
    }
}
