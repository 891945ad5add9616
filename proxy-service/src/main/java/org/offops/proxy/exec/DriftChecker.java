package org.offops.proxy.exec;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.offops.proxy.domain.FileDrift;
import org.offops.proxy.domain.LineDiff;
import org.offops.proxy.store.AppliedFileEntity;
import org.offops.proxy.store.DriftRecorder;
import org.offops.proxy.store.ProxyStore;
import org.offops.remote.Digests;

/** Compares the live files of a host with what offops last applied, on demand and periodically. */
@ApplicationScoped
public class DriftChecker {

    private static final Logger LOG = Logger.getLogger(DriftChecker.class);

    private final ProxyStore store;
    private final ProxyHosts hosts;
    private final RemoteProxy remote;
    private final DriftRecorder recorder;

    public DriftChecker(ProxyStore store, ProxyHosts hosts, RemoteProxy remote, DriftRecorder recorder) {
        this.store = store;
        this.hosts = hosts;
        this.remote = remote;
        this.recorder = recorder;
    }

    /** The drifted files of {@code host} (only {@code site}'s when not null); each new drift is published once. */
    public List<FileDrift> check(String host, String site, String actor) {
        List<AppliedFileEntity> applied = store.appliedFileRows(host).stream()
                .filter(f -> site == null || site.equals(f.site)).toList();
        if (applied.isEmpty()) {
            return List.of();
        }
        Map<String, String> live = remote.read(hosts.target(host).remote(),
                applied.stream().map(f -> f.path).toList());
        List<FileDrift> drifts = new ArrayList<>();
        List<String> clean = new ArrayList<>();
        for (AppliedFileEntity file : applied) {
            String now = live.get(file.path);
            if (file.content.equals(now)) {
                clean.add(file.path);
            } else {
                drifts.add(new FileDrift(host, file.path, file.site, file.sha256,
                        now == null ? null : Digests.sha256Hex(now), LineDiff.unified(file.path, file.content, now)));
            }
        }
        recorder.record(host, drifts, clean, actor);
        return drifts;
    }

    @Scheduled(every = "${offops.proxy.drift-check.every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        for (String host : store.appliedHosts()) {
            try {
                check(host, null, "scheduler");
            } catch (RuntimeException e) {
                LOG.warnf("drift check of %s failed: %s", host, e.getMessage());
            }
        }
    }
}
