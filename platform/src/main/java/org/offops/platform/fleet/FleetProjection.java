package org.offops.platform.fleet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.OffopsEvent;
import org.offops.events.inventory.ContainerRegistered;
import org.offops.events.inventory.ContainerRemoved;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ContainerUpdated;
import org.offops.events.inventory.ServerRegistered;
import org.offops.events.inventory.ServerRemoved;
import org.offops.events.inventory.ServerState;
import org.offops.events.inventory.ServerUpdated;

/** Keeps the local fleet read model equal to the full states carried by inventory events (other types are ignored). */
@ApplicationScoped
public class FleetProjection {

    private final Event<ServerAddressChanged> moved;

    public FleetProjection(Event<ServerAddressChanged> moved) {
        this.moved = moved;
    }

    public void apply(EventEnvelope envelope) {
        UUID eventId = UUID.fromString(envelope.id());
        OffopsEvent event = EventCodec.payload(envelope);
        if (event instanceof ServerRegistered e) {
            upsert(e.server(), eventId);
        } else if (event instanceof ServerUpdated e) {
            upsert(e.server(), eventId);
        } else if (event instanceof ServerRemoved e) {
            KnownServer.deleteById(e.name());
        } else if (event instanceof ContainerRegistered e) {
            upsert(e.container(), eventId);
        } else if (event instanceof ContainerUpdated e) {
            upsert(e.container(), eventId);
        } else if (event instanceof ContainerRemoved e) {
            KnownContainer.deleteById(e.name());
        }
    }

    private void upsert(ServerState state, UUID eventId) {
        KnownServer server = KnownServer.<KnownServer>findByIdOptional(state.name()).orElseGet(KnownServer::new);
        String before = server.sshHost;
        server.name = state.name();
        server.datacenter = state.datacenter();
        server.sshHost = state.sshHost();
        server.sshPort = state.sshPort();
        server.hostKey = state.hostKey();
        server.role = state.role();
        server.lastEventId = eventId;
        server.updatedAt = OffsetDateTime.now();
        server.persist();
        if (!Objects.equals(before, server.sshHost)) {
            moved.fire(new ServerAddressChanged(server.name, before, server.sshHost));
        }
    }

    private static void upsert(ContainerState state, UUID eventId) {
        KnownContainer container = KnownContainer.<KnownContainer>findByIdOptional(state.name())
                .orElseGet(KnownContainer::new);
        container.name = state.name();
        container.vmid = state.vmid();
        container.server = state.server();
        container.kind = state.kind();
        container.flavor = state.flavor();
        container.internalIp = state.internalIp();
        container.sshHost = state.sshHost();
        container.sshPort = state.sshPort();
        container.hostKey = state.hostKey();
        container.services = state.services() == null ? "" : String.join(",", state.services());
        container.lastEventId = eventId;
        container.updatedAt = OffsetDateTime.now();
        container.persist();
    }
}
