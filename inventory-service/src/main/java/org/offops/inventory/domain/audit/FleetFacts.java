package org.offops.inventory.domain.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.OffopsEvent;
import org.offops.events.deploy.DeploymentFailed;
import org.offops.events.deploy.DeploymentRolledBack;
import org.offops.events.deploy.DeploymentSucceeded;
import org.offops.events.inventory.ContainerRegistered;
import org.offops.events.inventory.ContainerRemoved;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ContainerUpdated;
import org.offops.events.storage.SnapshotReplicated;
import org.offops.events.storage.SnapshotTaken;
import org.offops.inventory.domain.audit.FleetFact.ContainerSeen;
import org.offops.inventory.domain.audit.FleetFact.DeployOutcome;
import org.offops.inventory.domain.audit.FleetFact.ReleaseRunning;
import org.offops.inventory.domain.audit.FleetFact.SnapshotSeen;
import org.offops.inventory.domain.audit.FleetFact.SnapshotSent;
import org.offops.inventory.domain.audit.FleetFact.Stamp;

/** Reads the fleet facts out of one event; every other event type says nothing about the fleet view. */
public final class FleetFacts {

    // Checked before decoding: most of the bus (bans, link checks, steps, ...) needs no typed payload here.
    private static final Set<String> FLEET_TYPES = Set.of(ContainerRegistered.TYPE, ContainerUpdated.TYPE,
            ContainerRemoved.TYPE, DeploymentSucceeded.TYPE, DeploymentFailed.TYPE, DeploymentRolledBack.TYPE,
            SnapshotTaken.TYPE, SnapshotReplicated.TYPE);

    private FleetFacts() {
    }

    /**
     * Returns the facts of {@code envelope}, stamped with {@code time} (the event time the journal stores).
     * Throws {@link org.offops.events.EventDecodingException} when a known type's data does not fit its record.
     */
    public static List<FleetFact> of(EventEnvelope envelope, OffsetDateTime time) {
        if (!FLEET_TYPES.contains(envelope.type())) {
            return List.of();
        }
        Stamp stamp = new Stamp(time, UUID.fromString(envelope.id()));
        OffopsEvent event = EventCodec.payload(envelope);
        if (event instanceof ContainerRegistered e) {
            return List.of(seen(e.container(), stamp));
        } else if (event instanceof ContainerUpdated e) {
            return List.of(seen(e.container(), stamp));
        } else if (event instanceof ContainerRemoved e) {
            return List.of(new ContainerSeen(e.name(), e.server(), null, null, false, stamp));
        } else if (event instanceof DeploymentSucceeded e) {
            return List.of(new ReleaseRunning(e.container(), e.tag(), stamp),
                    new DeployOutcome(e.container(), "succeeded", e.tag(), e.deploymentId(), stamp));
        } else if (event instanceof DeploymentFailed e) {
            return List.of(new DeployOutcome(e.container(), "failed", e.tag(), e.deploymentId(), stamp));
        } else if (event instanceof DeploymentRolledBack e) {
            // The container runs the rollback target again; the deployment that failed was the one of fromTag.
            return List.of(new ReleaseRunning(e.container(), e.toTag(), stamp),
                    new DeployOutcome(e.container(), "rolled-back", e.fromTag(), e.deploymentId(), stamp));
        } else if (event instanceof SnapshotTaken e) {
            OffsetDateTime createdAt = e.createdAt() == null ? time : e.createdAt();
            return List.of(new SnapshotSeen(e.server(), e.dataset(), e.snapshot(), createdAt, stamp));
        } else if (event instanceof SnapshotReplicated e) {
            return List.of(new SnapshotSent(e.sourceServer(), e.sourceDataset(), e.targetServer(), e.targetDataset(),
                    e.snapshot(), stamp));
        }
        return List.of();
    }

    private static ContainerSeen seen(ContainerState state, Stamp stamp) {
        return new ContainerSeen(state.name(), state.server(), state.flavor(), state.vmid(), true, stamp);
    }
}
