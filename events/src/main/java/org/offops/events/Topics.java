package org.offops.events;

import java.util.List;

/** The Kafka topics of the offops bus: one per owning service, each named {@code offops.<domain>}. */
public final class Topics {

    public static final String INVENTORY = "offops.inventory";
    public static final String DEPLOY = "offops.deploy";
    public static final String STORAGE = "offops.storage";
    public static final String NETWORK = "offops.network";
    public static final String PROXY = "offops.proxy";

    public static final List<String> ALL = List.of(INVENTORY, DEPLOY, STORAGE, NETWORK, PROXY);

    private Topics() {
    }

    /** Returns the dead-letter topic where consumers park records of {@code topic} they cannot process. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }
}
