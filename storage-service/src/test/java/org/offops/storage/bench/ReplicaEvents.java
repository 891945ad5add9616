package org.offops.storage.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;

/**
 * Follows offops.storage and keeps every pull outcome the service published (its outbox stamps the event when the
 * pull's result commits): the benchmark's clock for "route ok", without loading the service with status queries.
 */
final class ReplicaEvents implements AutoCloseable {

    /** One SnapshotReplicated (ok) or ReplicationFailed (not ok) as the benchmark needs it. */
    record Pull(boolean ok, String target, String sourceDataset, String snapshot, Instant at, long durationMs,
                long bytes, boolean incremental, String error) {

        /** When the syncoid run began (the event says when it ended and how long it ran). */
        Instant began() {
            return at.minusMillis(durationMs);
        }
    }

    private final List<Pull> pulls = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    ReplicaEvents(String bootstrap) {
        thread = new Thread(() -> follow(bootstrap), "replica-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Everything seen so far, in topic order. */
    List<Pull> pulls() {
        return List.copyOf(pulls);
    }

    private void follow(String bootstrap) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.STORAGE));
            while (!stopped) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> accept(EventCodec.decode(r.value())));
            }
        }
    }

    private void accept(EventEnvelope e) {
        var d = e.data();
        boolean ok = e.type().equals("offops.storage.SnapshotReplicated");
        if (ok || e.type().equals("offops.storage.ReplicationFailed")) {
            pulls.add(new Pull(ok, d.get("targetServer").asText(), d.get("sourceDataset").asText(),
                    ok ? d.get("snapshot").asText() : null, e.time().toInstant(),
                    ok ? d.get("durationMs").asLong() : 0, ok ? d.get("bytes").asLong() : 0,
                    ok && d.get("incremental").asBoolean(), ok ? null : d.path("error").asText()));
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
