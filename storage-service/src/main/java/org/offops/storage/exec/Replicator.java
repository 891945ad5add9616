package org.offops.storage.exec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.offops.remote.ExecOptions;
import org.offops.remote.ExecResult;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteException;
import org.offops.remote.RemoteHost;
import org.offops.remote.SshExecutor;
import org.offops.storage.domain.replication.DatasetState;
import org.offops.storage.domain.replication.ReplicationPlan;
import org.offops.storage.domain.replication.ReplicationPlanner;
import org.offops.storage.store.DatasetEntity;
import org.offops.storage.store.ReplicationJournal;
import org.offops.storage.store.RouteEntity;
import org.offops.storage.store.SnapshotLedger;
import org.offops.storage.store.RouteCatalog;
import org.offops.storage.store.StorageCatalog;

/**
 * One pull of one route: reads both sides, plans it, and — unless the replica diverged — has the TARGET run the real
 * syncoid against the source over SSH (incremental from the newest common snapshot, full the first time, resuming
 * an interrupted receive from its token), then records SnapshotReplicated or ReplicationFailed.
 */
@ApplicationScoped
public class Replicator {

    /** How a pull ended. */
    public enum Outcome { REPLICATED, UP_TO_DATE, DIVERGED, FAILED }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Replicator.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private final SshExecutor ssh;
    private final FleetHosts hosts;
    private final SourceTrust trust;
    private final HostSlots slots;
    private final RouteCatalog routes;
    private final StorageCatalog catalog;
    private final SnapshotLedger ledger;
    private final ReplicationJournal journal;
    private final String pullKey;
    private final String pullUser;
    private final Duration timeout;

    public Replicator(SshExecutor ssh, FleetHosts hosts, SourceTrust trust, HostSlots slots, RouteCatalog routes,
                      StorageCatalog catalog, SnapshotLedger ledger, ReplicationJournal journal,
                      @ConfigProperty(name = "offops.storage.pull-key", defaultValue = "/root/.ssh/id_ed25519")
                      String pullKey,
                      @ConfigProperty(name = "offops.storage.pull-user", defaultValue = "root") String pullUser,
                      @ConfigProperty(name = "offops.storage.replication.timeout", defaultValue = "6h")
                      Duration timeout) {
        this.ssh = ssh;
        this.hosts = hosts;
        this.trust = trust;
        this.slots = slots;
        this.routes = routes;
        this.catalog = catalog;
        this.ledger = ledger;
        this.journal = journal;
        this.pullKey = pullKey;
        this.pullUser = pullUser;
        this.timeout = timeout;
    }

    /** The plan of the route's next pull, read from both hosts now (the dry run of a pull or a repair). */
    @ActivateRequestContext
    public ReplicationPlan plan(long routeId) {
        RouteEntity route = routes.route(routeId);
        DatasetEntity source = catalog.dataset(route.sourceDataset);
        DatasetEntity target = catalog.dataset(route.targetDataset);
        return plan(route, source, target, hosts.server(source.server), hosts.server(target.server));
    }

    @ActivateRequestContext
    public Outcome pull(long routeId, int attempt, String correlationId) throws InterruptedException {
        RouteEntity route = routes.route(routeId);
        DatasetEntity source = catalog.dataset(route.sourceDataset);
        DatasetEntity target = catalog.dataset(route.targetDataset);
        try {
            return slots.with(source.server, target.server, () -> run(route, source, target, attempt, correlationId));
        } catch (RemoteException | IllegalArgumentException e) {
            LOG.warnf("pull %s -> %s (attempt %d) failed: %s", source.ref(), target.ref(), attempt, e.getMessage());
            journal.failed(route, source, target, attempt, null, e.getMessage(), correlationId);
            return Outcome.FAILED;
        }
    }

    /**
     * The operator's repair of a diverged route: the diverged replica is renamed aside (kept, never destroyed), then
     * a full pull runs. Refused unless the route is diverged right now.
     */
    @ActivateRequestContext
    public Outcome repair(long routeId, String correlationId) throws InterruptedException {
        RouteEntity route = routes.route(routeId);
        DatasetEntity source = catalog.dataset(route.sourceDataset);
        DatasetEntity target = catalog.dataset(route.targetDataset);
        return slots.with(source.server, target.server, () -> {
            RemoteHost to = hosts.server(target.server);
            ReplicationPlan plan = plan(route, source, target, hosts.server(source.server), to);
            if (plan.kind() != ReplicationPlan.Kind.DIVERGED) {
                throw new IllegalStateException("route " + routeId + " is not diverged (" + plan.kind() + ")");
            }
            ssh.run(to, RemoteCommand.of("zfs", "rename", target.name, plan.keepAside())).orThrow();
            return run(route, source, target, 1, correlationId);
        });
    }

    private Outcome run(RouteEntity route, DatasetEntity source, DatasetEntity target, int attempt,
                        String correlationId) {
        RemoteHost from = hosts.server(source.server);
        RemoteHost to = hosts.server(target.server);
        ReplicationPlan plan = plan(route, source, target, from, to);
        switch (plan.kind()) {
            case DIVERGED -> {
                journal.failed(route, source, target, attempt, plan, null, correlationId);
                return Outcome.DIVERGED;
            }
            case UP_TO_DATE, NO_SOURCE_SNAPSHOT -> {
                journal.upToDate(route, plan.to());
                return Outcome.UP_TO_DATE;
            }
            default -> {
                return transfer(route, source, target, from, to, plan, correlationId);
            }
        }
    }

    private Outcome transfer(RouteEntity route, DatasetEntity source, DatasetEntity target, RemoteHost from,
                             RemoteHost to, ReplicationPlan plan, String correlationId) {
        String token = plan.resumeToken();
        long bytes = ReplicaListing.parseEstimate(ssh.run(from, ReplicaListing.estimate(source.name, plan.from(),
                plan.to(), token)).orThrow().stdoutTail());
        String knownHosts = trust.ensure(to, from);
        RemoteCommand syncoid = pullCommand(route, source, target, from, knownHosts);
        Instant start = Instant.now();
        ExecResult result = ssh.run(to, syncoid, ExecOptions.defaults().withTimeout(timeout));
        if (!result.ok()) {
            if (result.stderrTail().contains("Host key verification failed")) {
                trust.forget(to.name());
            }
            throw RemoteException.failed(result);
        }
        long duration = Duration.between(start, Instant.now()).toMillis();
        var onTarget = ReplicaListing.parse(ssh.run(to, ReplicaListing.replica(target.name)).orThrow().stdoutTail());
        ledger.observed(target.id, onTarget.snapshots().stream()
                .map(s -> new org.offops.storage.domain.snapshot.Snapshot(s.name(), s.creation())).toList());
        String newest = onTarget.snapshots().isEmpty() ? plan.to()
                : onTarget.snapshots().get(onTarget.snapshots().size() - 1).name();
        journal.replicated(route, source, target, newest, bytes, duration,
                plan.kind() == ReplicationPlan.Kind.INCREMENTAL, correlationId);
        return Outcome.REPLICATED;
    }

    private ReplicationPlan plan(RouteEntity route, DatasetEntity source, DatasetEntity target, RemoteHost from,
                                 RemoteHost to) {
        DatasetState onSource = ReplicaListing.parse(ssh.run(from, ReplicaListing.source(source.name)).orThrow()
                .stdoutTail());
        DatasetState onTarget = ReplicaListing.parse(ssh.run(to, ReplicaListing.replica(target.name)).orThrow()
                .stdoutTail());
        String pull = SyncoidPull.command(route.id, route.options, from, source.name, target.name, pullKey,
                trust.path(), pullUser).toShellLine();
        return ReplicationPlanner.plan(source.ref(), onSource, target.ref(), onTarget, pull,
                STAMP.format(Instant.now()));
    }

    /** The syncoid line the target runs for this route. */
    public RemoteCommand pullCommand(RouteEntity route, DatasetEntity source, DatasetEntity target, RemoteHost from,
                                     String knownHosts) {
        return SyncoidPull.command(route.id, route.options, from, source.name, target.name, pullKey, knownHosts,
                pullUser);
    }

}
