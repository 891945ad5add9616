package org.offops.storage.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;

/** The SnapshotTaken events a storage topic holds for dataset keys, by {@code dataset@snapshot}, read to its end. */
final class TakenEvents {

    private TakenEvents() {
    }

    /**
     * Reads {@code topic} from the beginning until {@code done} holds for what was read AND the read reached the end
     * offsets, so that a duplicate published after the awaited events is seen too. Keys are {@code dataset/<s>:<ds>}.
     */
    static Map<String, List<EventEnvelope>> byName(String bootstrap, String topic, Predicate<String> key,
                                                   Predicate<Map<String, List<EventEnvelope>>> done, Duration timeout) {
        List<EventEnvelope> taken = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "cluster-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<String, List<EventEnvelope>> seen = Map.of();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    // key first: other tests publish undecodable records to this shared topic on purpose
                    if (record.key() == null || !key.test(record.key())) {
                        continue;
                    }
                    EventEnvelope event = EventCodec.decode(record.value());
                    if (event.type().equals("offops.storage.SnapshotTaken")) {
                        taken.add(event);
                    }
                }
                seen = taken.stream().collect(Collectors.groupingBy(e -> e.data().get("dataset").asText() + "@"
                        + e.data().get("snapshot").asText(), TreeMap::new, Collectors.toList()));
                if (!consumer.assignment().isEmpty() && atEnd(consumer) && done.test(seen)) {
                    return seen;
                }
            }
            throw new AssertionError("after " + timeout + ", " + topic + " held " + seen.keySet()
                    + " and not what the test waited for");
        }
    }

    private static boolean atEnd(KafkaConsumer<String, byte[]> consumer) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
