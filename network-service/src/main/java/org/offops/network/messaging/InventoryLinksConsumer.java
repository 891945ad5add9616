package org.offops.network.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.offops.events.EventCodec;
import org.offops.events.OffopsEvent;
import org.offops.events.inventory.ContainerUpdated;
import org.offops.events.inventory.ServerUpdated;
import org.offops.network.domain.Link;
import org.offops.network.exec.LinkApplier;
import org.offops.network.store.LinkQueries;
import org.offops.platform.fleet.FleetProjection;
import org.offops.platform.inbox.EventInbox;

/**
 * Re-renders and re-applies the links of a host whose address changed (ServerUpdated / ContainerUpdated). Its own
 * consumer group, so it does not wait on the fleet view: it updates the fleet view itself first (idempotent upsert).
 */
@ApplicationScoped
public class InventoryLinksConsumer {

    private static final Logger LOG = Logger.getLogger(InventoryLinksConsumer.class);
    private static final String CONSUMER = "network-service/links";

    private final EventInbox inbox;
    private final FleetProjection projection;
    private final LinkQueries links;
    private final LinkApplier applier;

    public InventoryLinksConsumer(EventInbox inbox, FleetProjection projection, LinkQueries links, LinkApplier applier) {
        this.inbox = inbox;
        this.projection = projection;
        this.links = links;
        this.applier = applier;
    }

    @Incoming("inventory-links")
    @Blocking(ordered = true)
    public void onInventoryEvent(byte[] raw) {
        List<Link> affected = new ArrayList<>();
        inbox.accept(CONSUMER, raw, envelope -> {
            OffopsEvent event = EventCodec.payload(envelope);
            String host = event instanceof ServerUpdated s ? s.server().name()
                    : event instanceof ContainerUpdated c ? c.container().name() : null;
            if (host != null) {
                projection.apply(envelope);
                links.all().stream().filter(link -> link.touches(host)).forEach(affected::add);
            }
        });
        // SSH outside the inbox transaction; a failure is kept on the link's status (status=failed) for operators
        for (Link link : affected) {
            try {
                applier.apply(link, link, "inventory");
            } catch (RuntimeException e) {
                LOG.warnf("re-applying link %s after an address change failed: %s", link.name(), e.getMessage());
            }
        }
    }
}
