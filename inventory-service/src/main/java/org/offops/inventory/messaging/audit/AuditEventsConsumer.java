package org.offops.inventory.messaging.audit;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Kafka facade of the audit journal: one channel over every offops.* topic, consumed in batches (one transaction per
 * poll rather than per event, which is what makes thousands of events per second possible on two cores).
 */
@ApplicationScoped
public class AuditEventsConsumer {

    public static final String CHANNEL = "audit-events";

    private final AuditIngest ingest;

    public AuditEventsConsumer(AuditIngest ingest) {
        this.ingest = ingest;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        if (!ingest.ingest(batch.getRecords())) {
            // Shutting down before the batch was stored: leave it unacknowledged so it is read again after restart.
            return new CompletableFuture<>();
        }
        return batch.ack();
    }
}
