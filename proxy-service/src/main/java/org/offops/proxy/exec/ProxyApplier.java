package org.offops.proxy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.offops.events.inventory.ContainerState;
import org.offops.proxy.domain.ConfigChange;
import org.offops.proxy.domain.DesiredState;
import org.offops.proxy.domain.ProxyConfig;
import org.offops.proxy.domain.ProxyPlan;
import org.offops.proxy.domain.ProxyPlanner;
import org.offops.proxy.domain.RenderedConfig;
import org.offops.proxy.store.ApplyRecorder;
import org.offops.proxy.store.ProxyStore;
import org.offops.platform.hosts.InfrastructureRepository;

/**
 * Turns a change into live configuration, host by host: render, read the live files, plan, then (unless a dry run)
 * push + {@code nginx -t} + reload on the host, record the files in git and commit the outcome with its event.
 * One change at a time, so two operators never interleave pushes to the same proxy.
 */
@ApplicationScoped
public class ProxyApplier {

    private static final Logger LOG = Logger.getLogger(ProxyApplier.class);

    private final ProxyStore store;
    private final ApplyRecorder recorder;
    private final ProxyHosts hosts;
    private final RemoteProxy remote;
    private final InfrastructureRepository git;
    private final ProxySettings settings;
    private final ReentrantLock lock = new ReentrantLock(true);

    public ProxyApplier(ProxyStore store, ApplyRecorder recorder, ProxyHosts hosts, RemoteProxy remote,
                        InfrastructureRepository git, ProxySettings settings) {
        this.store = store;
        this.recorder = recorder;
        this.hosts = hosts;
        this.remote = remote;
        this.git = git;
        this.settings = settings;
    }

    /** Applies an operator's change to every host it affects; the change is stored only if no host refused it. */
    public List<HostResult> change(ConfigChange change, boolean dryRun, String actor) {
        recorder.checkChange(change);
        lock.lock();
        try {
            DesiredState current = store.desired();
            DesiredState next = current.with(change);
            List<String> affected = affectedHosts(change, current, next);
            String correlation = UUID.randomUUID().toString();
            List<HostResult> results = new ArrayList<>();
            boolean single = affected.size() == 1;
            for (String host : affected) {
                HostResult result = applyHost(host, next, Map.of(), dryRun, correlation, actor, change, single);
                results.add(result);
                if (result.status().equals(HostResult.REJECTED)) {
                    return results;
                }
            }
            if (!dryRun && !single) {
                recorder.recordChange(change);
            }
            return results;
        } finally {
            lock.unlock();
        }
    }

    /** Re-renders and applies {@code host} with nothing changed by an operator, e.g. after a container moved. */
    public HostResult reapply(String host, Map<String, ContainerState> moved, String correlationId, String actor,
                              String reason, boolean dryRun) {
        lock.lock();
        try {
            return applyHost(host, store.desired(), moved, dryRun,
                    correlationId == null ? UUID.randomUUID().toString() : correlationId, actor,
                    new ConfigChange.Reapply(reason), false);
        } finally {
            lock.unlock();
        }
    }

    private HostResult applyHost(String host, DesiredState desired, Map<String, ContainerState> moved, boolean dryRun,
                                 String correlation, String actor, ConfigChange change, boolean storeChange) {
        ProxyHosts.Target target = hosts.target(host);
        RenderedConfig config = new ProxyConfig(settings.render()).render(host, target.address(),
                desired.sitesOn(host), desired.rules(), container -> hosts.upstream(container, moved));
        Map<String, String> applied = store.appliedFiles(host);
        TreeSet<String> paths = new TreeSet<>(config.files().keySet());
        paths.addAll(applied.keySet());
        Map<String, String> live = remote.read(target.remote(), List.copyOf(paths));
        ProxyPlan plan = ProxyPlanner.plan(config, live, applied.keySet());
        if (dryRun) {
            return new HostResult(host, HostResult.DRY_RUN, plan.files(), null, null);
        }
        if (!plan.changesAnything()) {
            if (!applied.equals(config.files())) {
                recorder.recordApplied(config, record(host, config, correlation, change, actor), correlation, actor,
                        change, storeChange);
            } else if (storeChange) {
                recorder.recordChange(change);
            }
            return new HostResult(host, HostResult.UNCHANGED, plan.files(), null, null);
        }
        ApplyOutcome outcome = remote.apply(target.remote(), plan);
        if (!outcome.applied()) {
            LOG.warnf("configuration for %s refused on %s: %s", change.subject(), host, outcome.message());
            recorder.recordRejected(host, siteOf(change), outcome.message(), correlation, actor);
            return new HostResult(host, HostResult.REJECTED, plan.files(), null, outcome.message());
        }
        String commit = record(host, config, correlation, change, actor);
        recorder.recordApplied(config, commit, correlation, actor, change, storeChange);
        return new HostResult(host, HostResult.APPLIED, plan.files(), commit, outcome.message());
    }

    /** The git commit of the applied files; a git failure must not hide that the host now runs them. */
    private String record(String host, RenderedConfig config, String correlation, ConfigChange change, String actor) {
        if (config.files().isEmpty()) {
            return null;
        }
        try {
            return git.record(host, config.files(), correlation, "proxy-service: " + change.subject() + " on "
                    + host + " by " + actor).orElse(null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "applied on %s but not recorded in the infrastructure repository", host);
            return null;
        }
    }

    private static List<String> affectedHosts(ConfigChange change, DesiredState current, DesiredState next) {
        if (change instanceof ConfigChange.PutSite put) {
            return List.of(put.site().host());
        }
        if (change instanceof ConfigChange.DeleteSite delete) {
            return current.sites().stream().filter(s -> s.id().equals(delete.id())).map(s -> s.host()).toList();
        }
        TreeSet<String> proxies = new TreeSet<>(current.proxyHosts());
        proxies.addAll(next.proxyHosts());
        return List.copyOf(proxies);
    }

    private static String siteOf(ConfigChange change) {
        String subject = change.subject();
        return subject.startsWith("site/") ? subject.substring("site/".length()) : null;
    }
}
