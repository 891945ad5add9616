package org.offops.proxy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.offops.events.proxy.ProxyConfigApplied;
import org.offops.events.proxy.ProxyConfigRejected;
import org.offops.proxy.domain.ConfigChange;
import org.offops.proxy.domain.RenderedConfig;
import org.offops.platform.outbox.Outbox;
import org.offops.remote.Digests;

/**
 * Commits the outcome of an apply: the operator's change, the files and upstreams now live on the host, and
 * ProxyConfigApplied — or only ProxyConfigRejected when nginx refused — each in one transaction with its event.
 */
@ApplicationScoped
public class ApplyRecorder {

    private final Outbox outbox;
    private final ChangeWriter changes;

    public ApplyRecorder(Outbox outbox, ChangeWriter changes) {
        this.outbox = outbox;
        this.changes = changes;
    }

    /** Fails with 412/404/409 when the change no longer fits what is stored (checked again at commit). */
    @Transactional
    public void checkChange(ConfigChange change) {
        changes.write(change, false);
    }

    @Transactional
    public void recordChange(ConfigChange change) {
        changes.write(change, true);
    }

    @Transactional
    public void recordApplied(RenderedConfig config, String commitId, String correlationId, String actor,
                              ConfigChange change, boolean storeChange) {
        if (storeChange) {
            changes.write(change, true);
        }
        String host = config.host();
        AppliedFileEntity.delete("host", host);
        AppliedUpstreamEntity.delete("host", host);
        AppliedFileEntity.flush();
        OffsetDateTime now = OffsetDateTime.now();
        Map<String, String> siteOfPath = new java.util.HashMap<>();
        config.siteFiles().forEach((site, path) -> siteOfPath.put(path, site));
        config.files().forEach((path, content) -> {
            AppliedFileEntity file = new AppliedFileEntity();
            file.id = AppliedFileEntity.key(host, path);
            file.host = host;
            file.path = path;
            file.site = siteOfPath.get(path);
            file.content = content;
            file.sha256 = Digests.sha256Hex(content);
            file.commitId = commitId;
            file.appliedAt = now;
            file.persist();
        });
        config.upstreams().forEach((site, address) -> {
            AppliedUpstreamEntity upstream = new AppliedUpstreamEntity();
            upstream.site = site;
            upstream.host = host;
            upstream.container = config.containers().get(site);
            upstream.address = address;
            upstream.persist();
        });
        List<String> sites = config.siteFiles().keySet().stream().sorted().toList();
        outbox.publish("proxy/" + host, correlationId, actor,
                new ProxyConfigApplied(host, sites, List.copyOf(config.files().keySet()), commitId));
    }

    @Transactional
    public void recordRejected(String host, String site, String nginxError, String correlationId, String actor) {
        outbox.publish("proxy/" + host, correlationId, actor, new ProxyConfigRejected(host, site, nginxError));
    }
}
