package org.offops.deploy.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.events.deploy.ReleasePublished;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;

/** Signed, published releases: one ReleasePublished per delivery, drafts and prereleases ignored, hostile tags refused. */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
@WithTestResource(OffopsTestResource.class)
class ReleaseWebhookTest {

    @Inject
    AgroalDataSource db;

    @Test
    void signedReleasePublishesReleasePublishedOnce() {
        String tag = GithubWebhook.uniqueTag();
        String delivery = UUID.randomUUID().toString();
        String eventId = GithubWebhook.signed("release", delivery,
                        GithubWebhook.bytes(GithubWebhook.release(GithubWebhook.REPOSITORY, "published", tag, false, false)))
                .statusCode(202).body("status", equalTo("accepted")).body("deliveryId", equalTo(delivery))
                .extract().path("eventId");

        // The broker is shared by the whole run, and other tests put garbage on every topic: select by key first.
        String subject = "release/" + GithubWebhook.REPOSITORY + "@" + tag;
        var records = TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.DEPLOY,
                seen -> seen.stream().anyMatch(r -> subject.equals(r.key())
                        && eventId.equals(EventCodec.decode(r.value()).id())),
                Duration.ofSeconds(20));
        List<EventEnvelope> forRelease = records.stream().filter(r -> subject.equals(r.key()))
                .map(r -> EventCodec.decode(r.value())).toList();
        assertEquals(1, forRelease.size(), "exactly one event for the release");
        EventEnvelope envelope = forRelease.get(0);
        assertEquals(eventId, envelope.id());
        assertEquals(envelope.id(), envelope.correlationid(), "the release starts a correlation chain");
        assertEquals("github:stephanegigandet", envelope.actor());
        assertEquals(ReleasePublished.TYPE, envelope.type());
        ReleasePublished event = EventCodec.payload(envelope, ReleasePublished.class);
        assertEquals(new ReleasePublished(GithubWebhook.REPOSITORY, tag, "Release " + tag,
                GithubWebhook.assetUrl(tag, "frontend-dist.tgz"), List.of("off", "obf", "opf", "opff", "off-pro"),
                delivery, "stephanegigandet"), event);
        assertEquals(1, GithubWebhook.outboxRows(db, subject));
    }

    @Test
    void redeliveryIsAcknowledgedAndPublishesNothing() {
        String tag = GithubWebhook.uniqueTag();
        String delivery = UUID.randomUUID().toString();
        byte[] body = GithubWebhook.bytes(GithubWebhook.release(GithubWebhook.REPOSITORY, "published", tag, false, false));
        String first = GithubWebhook.signed("release", delivery, body).statusCode(202)
                .body("status", equalTo("accepted")).extract().path("eventId");

        GithubWebhook.signed("release", delivery, body).statusCode(202)
                .body("status", equalTo("duplicate")).body("eventId", equalTo(first));

        assertEquals(1, GithubWebhook.outboxRows(db, "release/" + GithubWebhook.REPOSITORY + "@" + tag));
        assertEquals(1, GithubWebhook.deliveryRows(db, delivery));
    }

    @Test
    void draftAndPrereleaseAreIgnored() {
        for (boolean draft : new boolean[] {true, false}) {
            String tag = GithubWebhook.uniqueTag();
            GithubWebhook.signed("release", UUID.randomUUID().toString(),
                            GithubWebhook.bytes(GithubWebhook.release(GithubWebhook.REPOSITORY, "published", tag, draft, !draft)))
                    .statusCode(202).body("status", equalTo("ignored")).body("eventId", nullValue());
            assertEquals(0, GithubWebhook.outboxRows(db, "release/" + GithubWebhook.REPOSITORY + "@" + tag));
        }
    }

    @Test
    void hostileTagsAre422AndRecordNothing() {
        for (String tag : List.of("v1;rm -rf /", "v1 2", "../v1", "-v1", "v1\n", "$(reboot)")) {
            String delivery = UUID.randomUUID().toString();
            GithubWebhook.signed("release", delivery,
                            GithubWebhook.bytes(GithubWebhook.release(GithubWebhook.REPOSITORY, "published", tag, false, false)))
                    .statusCode(422).body("field", equalTo("release.tag_name"));
            assertEquals(0, GithubWebhook.deliveryRows(db, delivery), tag);
            assertEquals(0, GithubWebhook.outboxRows(db, "release/" + GithubWebhook.REPOSITORY + "@" + tag), tag);
        }
    }
}
