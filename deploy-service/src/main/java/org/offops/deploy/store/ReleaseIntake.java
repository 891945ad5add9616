package org.offops.deploy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.offops.deploy.domain.GithubRelease;
import org.offops.deploy.domain.plan.Release;
import org.offops.events.EventEnvelope;
import org.offops.events.deploy.ReleasePublished;
import org.offops.platform.outbox.Outbox;

/**
 * Remembers a release delivery, publishes ReleasePublished and queues a deployment per container of its flavors,
 * in one transaction, exactly once per delivery id.
 */
@ApplicationScoped
public class ReleaseIntake {

    private static final String EVENT = "release";

    private final DeliveryStore deliveries;
    private final Outbox outbox;
    private final DeploymentRequests deployments;

    public ReleaseIntake(DeliveryStore deliveries, Outbox outbox, DeploymentRequests deployments) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.deployments = deployments;
    }

    /** Records the delivery and, when it is new, the event; a redelivery returns the first event's id. */
    @Transactional
    public Recorded accept(UUID deliveryId, String repository, GithubRelease release, List<String> flavors) {
        if (!deliveries.remember(deliveryId, EVENT, repository, release.tag(), "accepted")) {
            return new Recorded(deliveries.eventOf(deliveryId), true);
        }
        ReleasePublished event = new ReleasePublished(repository, release.tag(), release.name(), release.assetUrl(),
                flavors, deliveryId.toString(), release.publishedBy());
        String actor = "github:" + (release.publishedBy() == null ? "unknown" : release.publishedBy());
        EventEnvelope envelope = outbox.publish("release/" + repository + "@" + release.tag(), null, actor, event);
        deliveries.linkEvent(deliveryId, envelope.id());
        // the release's deployments are queued with the event: ReleasePublished and its work commit together
        deployments.queue(deployments.targets(flavors), new Release(release.tag(), release.assetUrl()),
                new NewDeployment(repository, UUID.fromString(envelope.id()), release.assetUrl(), envelope.id(), actor));
        return new Recorded(envelope.id(), false);
    }

    /** Records a release delivery that deploys nothing (draft or prerelease); no event. */
    @Transactional
    public Recorded ignore(UUID deliveryId, String repository, GithubRelease release) {
        boolean fresh = deliveries.remember(deliveryId, EVENT, repository, release.tag(), "ignored");
        return new Recorded(fresh ? null : deliveries.eventOf(deliveryId), !fresh);
    }
}
