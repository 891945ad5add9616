package org.offops.inventory.messaging.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.offops.inventory.domain.audit.AuditEntry;
import org.offops.inventory.messaging.audit.AuditRecords.Decoded;
import org.offops.inventory.store.audit.AuditWriter;
import org.offops.inventory.store.audit.AuditStoreException;

/**
 * Journals one polled batch: decodes every record, dead-letters what cannot be journaled, stores the rest in one
 * transaction and then tells the live tail. Failures of the database or of Kafka are retried, never acknowledged;
 * it returns false only when shutdown interrupted the retries, and the batch must then stay unacknowledged so that
 * the next consumer reads it again.
 */
@ApplicationScoped
public class AuditIngest {

    private static final Logger LOG = Logger.getLogger(AuditIngest.class);
    private static final long MAX_BACKOFF_MS = 10_000;

    private final AuditWriter writer;
    private final AuditDeadLetters deadLetters;
    private final AuditTail tail;
    private final MeterRegistry metrics;
    private volatile boolean stopping;

    public AuditIngest(AuditWriter writer, AuditDeadLetters deadLetters, AuditTail tail, MeterRegistry metrics) {
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.tail = tail;
        this.metrics = metrics;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public boolean ingest(List<KafkaRecord<String, byte[]>> records) {
        List<AuditEntry> stored = new ArrayList<>();
        long backoff = 100;
        while (true) {
            try {
                store(AuditRecords.decode(records, deadLetters), stored);
                break;
            } catch (AuditStoreException | QuarkusTransactionException | AuditDeadLetters.Failed e) {
                // Database or Kafka unreachable, or the commit failed: a retry repeats nothing (stored ids are
                // skipped), at worst a dead letter.
                LOG.warnf("audit: batch not journaled, retrying in %d ms: %s", backoff, e.getMessage());
                if (stopping || !pause(backoff)) {
                    return false;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
        tail.published(stored);
        metrics.counter("offops.audit.events", "outcome", "stored").increment(stored.size());
        return true;
    }

    /** Stores the batch; if one of its events is unstorable (e.g. a NUL character jsonb refuses), each goes alone. */
    private void store(List<Decoded> decoded, List<AuditEntry> stored) {
        try {
            stored.addAll(writer.write(decoded.stream().map(Decoded::event).toList()));
        } catch (AuditStoreException e) {
            if (!e.dataError()) {
                throw e;
            }
            for (Decoded one : decoded) {
                try {
                    stored.addAll(writer.write(List.of(one.event())));
                } catch (AuditStoreException alone) {
                    if (!alone.dataError()) {
                        throw alone;
                    }
                    deadLetters.send(one.record(), alone);
                }
            }
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
