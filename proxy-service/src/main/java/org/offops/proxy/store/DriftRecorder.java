package org.offops.proxy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.offops.events.proxy.ConfigDriftDetected;
import org.offops.proxy.domain.FileDrift;
import org.offops.platform.outbox.Outbox;

/** Publishes ConfigDriftDetected once per distinct out-of-band content of a file, and forgets drift that was undone. */
@ApplicationScoped
public class DriftRecorder {

    private static final String ABSENT = "-".repeat(64);

    private final Outbox outbox;

    public DriftRecorder(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public void record(String host, List<FileDrift> drifts, List<String> cleanPaths, String actor) {
        for (FileDrift drift : drifts) {
            AppliedFileEntity file = AppliedFileEntity.findById(AppliedFileEntity.key(host, drift.path()));
            String seen = drift.actualSha256() == null ? ABSENT : drift.actualSha256();
            if (file == null || seen.equals(file.driftSha256)) {
                continue;
            }
            file.driftSha256 = seen;
            outbox.publish("proxy/" + host, null, actor, new ConfigDriftDetected(host, drift.path(),
                    drift.expectedSha256(), drift.actualSha256(), drift.diff()));
        }
        for (String path : cleanPaths) {
            AppliedFileEntity file = AppliedFileEntity.findById(AppliedFileEntity.key(host, path));
            if (file != null) {
                file.driftSha256 = null;
            }
        }
    }
}
