package org.offops.deploy.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.offops.deploy.domain.Signature;
import org.offops.testkit.OffopsTestResource;

/** What the webhook refuses or ignores: bad signatures, unknown repositories, bad JSON, pings and other events. */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
@WithTestResource(OffopsTestResource.class)
class WebhookRefusalTest {

    @Inject
    AgroalDataSource db;

    private static byte[] published(String repository, String tag) {
        return GithubWebhook.bytes(GithubWebhook.release(repository, "published", tag, false, false));
    }

    @Test
    void badOrMissingSignatureIs401AndRecordsNothing() {
        String tag = GithubWebhook.uniqueTag();
        byte[] body = published(GithubWebhook.REPOSITORY, tag);
        String delivery = UUID.randomUUID().toString();
        String wrongSecret = Signature.sign("not-the-secret", body);
        String goodSignature = Signature.sign(WebhookTestProfile.SECRET, body);
        for (String signature : new String[] {null, "", wrongSecret, "sha256=zz", "sha1=" + goodSignature.substring(7),
                goodSignature.substring(0, goodSignature.length() - 2)}) {
            GithubWebhook.post("release", delivery, signature, body).statusCode(401)
                    .body("error", notNullValue()).body("field", equalTo("X-Hub-Signature-256"));
        }
        // A valid signature of another body does not sign this one.
        GithubWebhook.post("release", delivery, Signature.sign(WebhookTestProfile.SECRET, published(GithubWebhook.REPOSITORY, "v0")),
                body).statusCode(401);
        assertEquals(0, GithubWebhook.deliveryRows(db, delivery));
        assertEquals(0, GithubWebhook.outboxRows(db, "release/" + GithubWebhook.REPOSITORY + "@" + tag));
    }

    @Test
    void unknownRepositoryIs401() {
        String delivery = UUID.randomUUID().toString();
        GithubWebhook.signed("release", delivery, published("someone/else", GithubWebhook.uniqueTag()))
                .statusCode(401).body("field", equalTo("X-Hub-Signature-256"));
        assertEquals(0, GithubWebhook.deliveryRows(db, delivery));
    }

    @Test
    void pingIs200() {
        GithubWebhook.signed("ping", UUID.randomUUID().toString(),
                        "{\"zen\":\"Keep it logically awesome.\",\"repository\":{\"full_name\":\"" + GithubWebhook.REPOSITORY + "\"}}")
                .statusCode(200).body("status", equalTo("pong"));
    }

    @Test
    void otherEventsAreAcceptedAndIgnored() {
        GithubWebhook.signed("push", UUID.randomUUID().toString(),
                        "{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"" + GithubWebhook.REPOSITORY + "\"}}")
                .statusCode(202).body("status", equalTo("ignored"));
        for (String action : new String[] {"created", "edited", "deleted", "released"}) {
            String tag = GithubWebhook.uniqueTag();
            GithubWebhook.signed("release", UUID.randomUUID().toString(),
                            GithubWebhook.bytes(GithubWebhook.release(GithubWebhook.REPOSITORY, action, tag, false, false)))
                    .statusCode(202).body("status", equalTo("ignored"));
            assertEquals(0, GithubWebhook.outboxRows(db, "release/" + GithubWebhook.REPOSITORY + "@" + tag));
        }
    }

    @Test
    void malformedJsonIs400() {
        GithubWebhook.signed("release", UUID.randomUUID().toString(), "{\"action\": \"published\", ")
                .statusCode(400).body("error", notNullValue());
        // Unsigned garbage is refused as unauthenticated, never parsed into an answer.
        GithubWebhook.post("release", UUID.randomUUID().toString(), null, "{not json".getBytes()).statusCode(401);
    }

    @Test
    void releaseWithoutDeliveryIdIs400() {
        String tag = GithubWebhook.uniqueTag();
        GithubWebhook.signed("release", null, published(GithubWebhook.REPOSITORY, tag))
                .statusCode(400).body("field", equalTo("X-GitHub-Delivery"));
        GithubWebhook.signed("release", "not-a-uuid", published(GithubWebhook.REPOSITORY, tag))
                .statusCode(400).body("field", equalTo("X-GitHub-Delivery"));
        assertEquals(0, GithubWebhook.outboxRows(db, "release/" + GithubWebhook.REPOSITORY + "@" + tag));
    }
}
