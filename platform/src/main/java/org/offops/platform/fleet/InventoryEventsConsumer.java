package org.offops.platform.fleet;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.offops.platform.inbox.EventInbox;

/** Kafka facade for offops.inventory in the services that keep a fleet read model: hands raw values to the inbox. */
@ApplicationScoped
@IfBuildProperty(name = "offops.fleet-view.enabled", stringValue = "true")
public class InventoryEventsConsumer {

    public static final String CHANNEL = "inventory-events";

    private final EventInbox inbox;
    private final FleetProjection projection;
    private final String consumer;

    public InventoryEventsConsumer(EventInbox inbox, FleetProjection projection,
                                   @ConfigProperty(name = "quarkus.application.name") String service) {
        this.inbox = inbox;
        this.projection = projection;
        this.consumer = service + "/fleet-view";
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onInventoryEvent(byte[] raw) {
        inbox.accept(consumer, raw, projection::apply);
    }
}
