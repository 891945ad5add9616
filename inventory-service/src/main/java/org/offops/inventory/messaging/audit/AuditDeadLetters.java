package org.offops.inventory.messaging.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.offops.events.Topics;

/**
 * Sends one unusable record to the dead-letter topic of the topic it came from ({@code <topic>.dlq}), through the
 * channel's SmallRye dead-letter-queue handler: the nack carries the target topic as OutgoingKafkaRecordMetadata,
 * which that handler honours per record, so one channel over five topics still keeps each topic's own DLQ.
 */
@ApplicationScoped
public class AuditDeadLetters {

    private static final Logger LOG = Logger.getLogger(AuditDeadLetters.class);

    /** Kafka did not take a dead letter; the batch is retried rather than acknowledged. */
    static final class Failed extends RuntimeException {
        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final MeterRegistry metrics;

    public AuditDeadLetters(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** Returns once Kafka acknowledged the dead letter, so the batch is acknowledged only after it is safe. */
    public void send(KafkaRecord<String, byte[]> record, Throwable reason) {
        String topic = Topics.dlq(record.getTopic());
        Metadata target = Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).build());
        try {
            record.nack(reason, target).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new Failed("could not dead-letter a record of " + record.getTopic() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while dead-lettering", e);
        }
        metrics.counter("offops.audit.events", "outcome", "dead-lettered").increment();
        LOG.warnf("audit: record of %s dead-lettered to %s: %s", record.getTopic(), topic, reason.getMessage());
    }
}
