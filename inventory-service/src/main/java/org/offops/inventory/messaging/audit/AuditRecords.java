package org.offops.inventory.messaging.audit;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.offops.events.EventCodec;
import org.offops.events.EventDecodingException;
import org.offops.events.EventEnvelope;
import org.offops.inventory.domain.audit.FleetFact;
import org.offops.inventory.domain.audit.FleetFacts;
import org.offops.inventory.domain.audit.ReceivedEvent;

/** Turns Kafka records into journal-ready events; a record that is no valid envelope is dead-lettered right here. */
final class AuditRecords {

    private static final Logger LOG = Logger.getLogger(AuditRecords.class);

    private AuditRecords() {
    }

    /** A decoded event and the record it came from, which a later failure may still dead-letter. */
    record Decoded(ReceivedEvent event, KafkaRecord<String, byte[]> record) {
    }

    static List<Decoded> decode(List<KafkaRecord<String, byte[]>> records, AuditDeadLetters deadLetters) {
        List<Decoded> decoded = new ArrayList<>(records.size());
        for (KafkaRecord<String, byte[]> record : records) {
            try {
                decoded.add(new Decoded(received(record), record));
            } catch (RuntimeException e) {
                deadLetters.send(record, e);
            }
        }
        return decoded;
    }

    private static ReceivedEvent received(KafkaRecord<String, byte[]> record) {
        EventEnvelope envelope = EventCodec.decode(record.getPayload() == null ? new byte[0] : record.getPayload());
        UUID.fromString(envelope.id()); // the journal keys on it, as the inbox does: a non-UUID id is unusable
        IncomingKafkaRecordMetadata<?, ?> kafka = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        // CloudEvents makes "time" optional; the record timestamp is the producer's clock and stable across redelivery.
        OffsetDateTime time = envelope.time() != null ? envelope.time().withOffsetSameInstant(ZoneOffset.UTC)
                : kafka.getTimestamp().atOffset(ZoneOffset.UTC);
        String data = envelope.data() == null ? null : envelope.data().toString();
        return new ReceivedEvent(envelope, time, record.getTopic(), record.getPartition(), kafka.getOffset(), data,
                facts(envelope, time));
    }

    private static List<FleetFact> facts(EventEnvelope envelope, OffsetDateTime time) {
        try {
            return FleetFacts.of(envelope, time);
        } catch (EventDecodingException e) {
            // The envelope is sound, so it is journaled; only the fleet view cannot use data that misfits its type.
            LOG.warnf("audit: event %s (%s) journaled but not applied to the fleet view: %s", envelope.id(),
                    envelope.type(), e.getMessage());
            return List.of();
        }
    }
}
