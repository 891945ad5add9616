package org.offops.proxy.messaging;

import java.util.List;
import org.offops.events.inventory.ContainerState;

/** A container behind proxy sites of {@code hosts} changed in the inventory (maybe its address); raised inside the inbox. */
record ContainerMoved(ContainerState container, List<String> hosts, String correlationId) {
}
