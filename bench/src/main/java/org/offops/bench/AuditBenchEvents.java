package org.offops.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.EventTypes;
import org.offops.events.OffopsEvent;
import org.offops.events.deploy.DeployStepCompleted;
import org.offops.events.deploy.DeploymentStarted;
import org.offops.events.deploy.DeploymentSucceeded;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ContainerUpdated;
import org.offops.events.network.LinkCheckFailed;
import org.offops.events.proxy.BanAdded;
import org.offops.events.storage.SnapshotReplicated;
import org.offops.events.storage.SnapshotTaken;

/**
 * Publishes a realistic mix of real offops events to the five topics, keyed by aggregate and with the CloudEvents
 * header, as the outbox relay does: deploy chains, snapshots and replications, bans, link checks, container updates.
 */
final class AuditBenchEvents {

    private AuditBenchEvents() {
    }

    /** Publishes {@code count} events and returns the publishing rate in events per second. */
    static double publish(String bootstrap, int count) {
        Random random = new Random(42);
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            String chain = null;
            for (int i = 0; i < count; i++) {
                if (i % 10 == 0) {
                    chain = null; // every ten events a new correlation chain starts
                }
                EventEnvelope event = next(random, i, chain);
                chain = event.correlationid();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventTypes.topicOf(event.type()),
                        event.subject(), EventCodec.encode(event));
                record.headers().add(new RecordHeader("content-type",
                        EventCodec.KAFKA_CONTENT_TYPE.getBytes(StandardCharsets.US_ASCII)));
                producer.send(record);
            }
            producer.flush();
        }
        return count / (Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0);
    }

    private static EventEnvelope next(Random random, int i, String chain) {
        String container = "c" + random.nextInt(50);
        String dataset = "rpool/data/d" + random.nextInt(100);
        int pick = random.nextInt(10);
        OffopsEvent event;
        String subject;
        if (pick < 3) {
            String deployment = "dep-" + (i / 10);
            event = switch (pick) {
                case 0 -> new DeploymentStarted(deployment, "v2." + (i % 90), "off", container, "off2", "v2.1");
                case 1 -> new DeployStepCompleted(deployment, container, "restart", 1, 9_100L, 0);
                default -> new DeploymentSucceeded(deployment, container, "off", "v2." + (i % 90), 180_000L);
            };
            subject = "container/" + container;
        } else if (pick < 6) {
            event = pick == 3 ? new SnapshotReplicated("off2", dataset, "ovh3", "rpool/backup/" + dataset,
                    "autosnap_" + i, 1L << 24, 4_000L, true)
                    : new SnapshotTaken("off2", dataset, "autosnap_" + i, "hourly", null);
            subject = "dataset/off2:" + dataset;
        } else if (pick < 8) {
            event = new BanAdded("nginx-botsearch", "198.51.100." + random.nextInt(250));
            subject = "jail/nginx-botsearch";
        } else if (pick == 8) {
            event = new LinkCheckFailed("link-" + random.nextInt(20), "off2-ovh3", "connection refused", "...");
            subject = "link/" + random.nextInt(20);
        } else {
            event = new ContainerUpdated(new ContainerState(100 + random.nextInt(50), container, "off2", "app", "off",
                    "10.1.0.12", "off2.openfoodfacts.org", 22, List.of("apache2", "nginx"), null));
            subject = "container/" + container;
        }
        return EventEnvelope.of("/bench", subject, chain, pick < 3 ? "github:bench" : "scheduler", event);
    }
}
