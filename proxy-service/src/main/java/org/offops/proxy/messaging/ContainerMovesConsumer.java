package org.offops.proxy.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.OffopsEvent;
import org.offops.events.inventory.ContainerRegistered;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ContainerUpdated;
import org.offops.platform.inbox.EventInbox;
import org.offops.proxy.store.ProxyStore;
import java.util.List;

/**
 * Watches offops.inventory for changes of containers behind a proxy site (its own consumer group, so the fleet
 * view's projection is not delayed by re-applies); the re-apply itself runs after the inbox commits, in order.
 */
@ApplicationScoped
public class ContainerMovesConsumer {

    static final String CONSUMER = "proxy-service/container-moves";
    /** Only the owner of offops.inventory may move traffic: anything else on the topic is not acted upon. */
    static final String INVENTORY = "/inventory-service";

    private final EventInbox inbox;
    private final ProxyStore store;
    private final Event<ContainerMoved> moved;

    public ContainerMovesConsumer(EventInbox inbox, ProxyStore store, Event<ContainerMoved> moved) {
        this.inbox = inbox;
        this.store = store;
        this.moved = moved;
    }

    @Incoming("container-moves")
    @Blocking
    public void onInventoryEvent(byte[] raw) {
        inbox.accept(CONSUMER, raw, this::handle);
    }

    private void handle(EventEnvelope envelope) {
        if (!INVENTORY.equals(envelope.source())) {
            return;
        }
        OffopsEvent event = EventCodec.payload(envelope);
        ContainerState state = event instanceof ContainerUpdated u ? u.container()
                : event instanceof ContainerRegistered r ? r.container() : null;
        if (state == null || state.name() == null) {
            return;
        }
        // every state is handed on, in order: a move arriving while the previous one is still being applied
        // must not be judged against addresses that are about to change (the worker finds "unchanged" cheaply)
        List<String> affected = store.hostsForwardingTo(state.name());
        if (!affected.isEmpty()) {
            moved.fire(new ContainerMoved(state, affected, envelope.correlationid()));
        }
    }
}
