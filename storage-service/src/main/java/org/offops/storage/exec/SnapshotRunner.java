package org.offops.storage.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.offops.events.EventEnvelope;
import org.offops.remote.RemoteHost;
import org.offops.remote.SshExecutor;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.PrunePlan;
import org.offops.storage.domain.snapshot.PrunePlanner;
import org.offops.storage.domain.snapshot.PruneStep;
import org.offops.storage.domain.snapshot.Snapshot;
import org.offops.storage.domain.snapshot.SnapshotName;
import org.offops.storage.domain.snapshot.SnapshotPolicy;
import org.offops.storage.store.CloneCatalog;
import org.offops.storage.store.DatasetEntity;
import org.offops.storage.store.SnapshotLedger;

/** Takes and prunes snapshots on a dataset's server over SSH, recording each with its event. */
@ApplicationScoped
public class SnapshotRunner {

    private final SshExecutor ssh;
    private final FleetHosts hosts;
    private final SnapshotLedger ledger;
    private final CloneCatalog clones;
    private final Clock clock = Clock.systemUTC();

    public SnapshotRunner(SshExecutor ssh, FleetHosts hosts, SnapshotLedger ledger, CloneCatalog clones) {
        this.ssh = ssh;
        this.hosts = hosts;
        this.ledger = ledger;
        this.clones = clones;
    }

    /** The sanoid-compatible name a snapshot taken now for this period gets. */
    public String nameFor(Period period) {
        return new SnapshotName(clock.instant().truncatedTo(ChronoUnit.SECONDS), period).format();
    }

    public EventEnvelope take(DatasetEntity dataset, Period period, String correlationId, String actor) {
        String name = nameFor(period);
        RemoteHost host = hosts.server(dataset.server);
        ssh.run(host, ZfsCommands.snapshot(dataset.name, name)).orThrow();
        Instant creation = refresh(dataset).stream().filter(s -> s.name().equals(name))
                .map(s -> Instant.ofEpochSecond(s.creation())).findFirst().orElse(clock.instant());
        return ledger.taken(dataset, name, period.label(), creation, correlationId, actor);
    }

    /** Reads the dataset's snapshots from its host and records them. */
    public List<Snapshot> refresh(DatasetEntity dataset) {
        String out = ssh.run(hosts.server(dataset.server), ZfsCommands.listSnapshots(dataset.name)).orThrow()
                .stdoutTail();
        List<Snapshot> snaps = ZfsCommands.parseListing(out);
        ledger.observed(dataset.id, snaps);
        return snaps;
    }

    /** The prune plan for snapshots just read from the host; {@code common} are names shared with route partners. */
    public PrunePlan plan(DatasetEntity dataset, SnapshotPolicy policy, List<Snapshot> snaps, Set<String> common) {
        Set<String> protectedNames = new HashSet<>(common);
        protectedNames.addAll(ledger.held(dataset.id));
        // a staging clone's origin (and the one a refresh is cloning): zfs would refuse, and the clone needs it
        protectedNames.addAll(clones.protectedSnapshots(dataset.id));
        return PrunePlanner.plan(policy, snaps, clock.instant(), protectedNames);
    }

    public void prune(DatasetEntity dataset, PrunePlan plan, String correlationId, String actor) {
        RemoteHost host = hosts.server(dataset.server);
        for (PruneStep step : plan.destroy()) {
            ssh.run(host, ZfsCommands.destroy(dataset.name, step.snapshot())).orThrow();
            ledger.pruned(dataset, step.snapshot(), step.reason(), correlationId, actor);
        }
    }
}
