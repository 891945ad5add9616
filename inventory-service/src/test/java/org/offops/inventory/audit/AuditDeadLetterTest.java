package org.offops.inventory.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.offops.inventory.audit.AuditTestEvents.STORED;
import static org.offops.inventory.audit.AuditTestEvents.T0;
import static org.offops.inventory.audit.AuditTestEvents.awaitStored;
import static org.offops.inventory.audit.AuditTestEvents.event;
import static org.offops.inventory.audit.AuditTestEvents.publish;
import static org.offops.inventory.audit.AuditTestEvents.unique;
import static org.offops.inventory.audit.AuditTestEvents.viewer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.events.deploy.DeployStepCompleted;
import org.offops.events.inventory.ContainerRemoved;
import org.offops.events.network.PskRotated;
import org.offops.events.proxy.BanAdded;
import org.offops.events.storage.SnapshotPruned;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.OffopsTestResource;

/** Poison on any offops topic goes to that topic's own dead-letter topic while the journal keeps ingesting. */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
class AuditDeadLetterTest {

    /** One valid event per topic, to show each topic keeps flowing after its poison record. */
    private static List<EventEnvelope> oneValidEventPerTopic(String subject) {
        return List.of(
                event(subject, null, "scheduler", T0, new ContainerRemoved(unique("gone"), "off2")),
                event(subject, null, "scheduler", T0, new DeployStepCompleted("d1", "off", "fetch", 1, 10L, 0)),
                event(subject, null, "scheduler", T0, new SnapshotPruned("off2", "x", "s", "policy")),
                event(subject, null, "scheduler", T0, new PskRotated("link-1", "off2-ovh3", "off2-ovh3-2031")),
                event(subject, null, "scheduler", T0, new BanAdded("sshd", "192.0.2.9")));
    }

    private static ConsumerRecord<String, byte[]> deadLetter(String topic, byte[] value) {
        return TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.dlq(topic),
                        records -> records.stream().anyMatch(r -> Arrays.equals(r.value(), value)), STORED)
                .stream().filter(r -> Arrays.equals(r.value(), value)).findFirst().orElseThrow();
    }

    @Test
    void garbageOnAnyTopicIsDeadLetteredAndIngestionContinues() {
        String subject = unique("server/poisoned");
        for (String topic : Topics.ALL) {
            TestKafka.send(SharedInfra.kafkaBootstrap(), topic, subject, garbage(topic));
        }
        List<EventEnvelope> after = oneValidEventPerTopic(subject);
        after.forEach(AuditTestEvents::publish);
        awaitStored(after);

        for (String topic : Topics.ALL) {
            ConsumerRecord<String, byte[]> record = deadLetter(topic, garbage(topic));
            assertEquals(subject, record.key());
            assertEquals(topic, new String(record.headers().lastHeader("dead-letter-topic").value(),
                    StandardCharsets.UTF_8));
            assertNotNull(record.headers().lastHeader("dead-letter-reason"), "the dead letter says why");
        }
    }

    @Test
    void eventPostgresCannotStoreIsDeadLetteredWhileOthersAreStored() {
        String subject = unique("jail/nul");
        // Valid JSON and a valid envelope, but jsonb refuses a NUL character: the journal cannot hold it.
        EventEnvelope unstorable = publish(event(subject, null, "scheduler", T0, new BanAdded("sshd", "192.0.2.1\u0000")));
        EventEnvelope fine = publish(event(subject, null, "scheduler", T0, new BanAdded("sshd", "192.0.2.2")));
        awaitStored(List.of(fine));

        viewer().get("/audit/events/" + unstorable.id()).then().statusCode(404);
        ConsumerRecord<String, byte[]> record = deadLetter(Topics.PROXY, EventCodec.encode(unstorable));
        assertEquals(subject, record.key());
        assertNotNull(record.headers().lastHeader("dead-letter-reason"), "the dead letter says why");
    }

    private static byte[] garbage(String topic) {
        return ("{not json from " + topic).getBytes(StandardCharsets.UTF_8);
    }
}
