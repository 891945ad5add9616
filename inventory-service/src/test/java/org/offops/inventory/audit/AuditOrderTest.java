package org.offops.inventory.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.offops.inventory.audit.AuditTestEvents.T0;
import static org.offops.inventory.audit.AuditTestEvents.awaitStored;
import static org.offops.inventory.audit.AuditTestEvents.event;
import static org.offops.inventory.audit.AuditTestEvents.publish;
import static org.offops.inventory.audit.AuditTestEvents.unique;
import static org.offops.inventory.audit.AuditTestEvents.viewer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.offops.events.EventEnvelope;
import org.offops.events.deploy.DeployStepCompleted;
import org.offops.events.deploy.DeploymentStarted;
import org.offops.events.deploy.DeploymentSucceeded;
import org.offops.events.deploy.ReleasePublished;
import org.offops.events.proxy.BanAdded;
import org.offops.testkit.OffopsTestResource;

/** Reading the journal in order: newest-first pages by cursor, and correlation chains oldest first. */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
class AuditOrderTest {

    @Test
    void cursorPaginationWalksNewestFirstWithoutGapsOrRepeats() {
        String subject = unique("container/paged");
        List<EventEnvelope> sent = new ArrayList<>();
        // 23 events, three at each time: equal times are ordered by storage order, so pages must not split them wrongly.
        IntStream.range(0, 23).forEach(i -> sent.add(publish(event(subject, null, "scheduler",
                T0.plusSeconds(i / 3), new BanAdded("jail-" + i, "192.0.2." + i)))));
        awaitStored(sent);

        List<String> expected = IntStream.range(0, 23).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> i / 3).thenComparingInt(i -> i).reversed())
                .map(i -> sent.get(i).id()).toList();
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = viewer().get("/audit/events?limit=5&subject=" + subject + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            walked.addAll(page.getList("events.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(5, pages);
        assertEquals(expected, walked);
        assertEquals(23, new HashSet<>(walked).size());
    }

    @Test
    void correlationQueryReturnsAReleaseChainInOrder() {
        String tag = unique("v2.58");
        EventEnvelope release = event("release/" + tag, null, "github:stephanegigandet", T0,
                new ReleasePublished("openfoodfacts/openfoodfacts-server", tag, tag, null, List.of("off", "obf"),
                        unique("delivery"), "stephanegigandet"));
        String chain = release.correlationid();
        List<EventEnvelope> causal = new ArrayList<>(List.of(release));
        int second = 1;
        for (String container : List.of("off", "obf")) {
            String deployment = unique("deploy-" + container);
            String subject = "container/" + container;
            causal.add(event(subject, chain, "scheduler", T0.plusSeconds(second++),
                    new DeploymentStarted(deployment, tag, container, container, "off2", "v2.57.0")));
            causal.add(event(subject, chain, "scheduler", T0.plusSeconds(second++),
                    new DeployStepCompleted(deployment, container, "fetch", 1, 2_400L, 0)));
            causal.add(event(subject, chain, "scheduler", T0.plusSeconds(second++),
                    new DeployStepCompleted(deployment, container, "restart", 1, 9_100L, 0)));
            causal.add(event(subject, chain, "scheduler", T0.plusSeconds(second++),
                    new DeploymentSucceeded(deployment, container, container, tag, 12_000L)));
        }
        EventEnvelope unrelated = publish(event("container/off", null, "scheduler", T0.plusSeconds(3),
                new DeploymentStarted(unique("deploy"), "v0", "off", "off", "off2", null)));
        // Published newest first: the chain must come back in causal order whatever order the bus delivered it in.
        List<EventEnvelope> reversed = new ArrayList<>(causal);
        Collections.reverse(reversed);
        reversed.forEach(AuditTestEvents::publish);
        awaitStored(causal);
        awaitStored(List.of(unrelated));

        var body = viewer().get("/audit/chains/" + chain).then().statusCode(200).extract().jsonPath();
        assertEquals(causal.stream().map(EventEnvelope::id).toList(), body.getList("events.id"));
        assertEquals(List.of(ReleasePublished.TYPE, DeploymentStarted.TYPE, DeployStepCompleted.TYPE,
                DeployStepCompleted.TYPE, DeploymentSucceeded.TYPE), body.getList("events.type").subList(0, 5));
        assertEquals(false, body.getBoolean("truncated"));
        viewer().get("/audit/chains/" + unique("none")).then().statusCode(404);
    }
}
