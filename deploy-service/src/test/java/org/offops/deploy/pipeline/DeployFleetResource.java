package org.offops.deploy.pipeline;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TempDirs;
import org.offops.testkit.TestKafka;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetBoxResource;
import org.offops.testkit.fleet.FleetInventory;
import org.offops.testkit.release.ProductOpenerStandIn;

/**
 * A fleet box (through {@link FleetBoxResource}, same init args) with the Product Opener stand-in seeded in its app
 * containers. The box's inventory events also go to a topic of this test alone, which the service's fleet view
 * reads: other tests on the shared broker announce containers with the same names from their own boxes.
 */
public class DeployFleetResource implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "deploy-e2e-webhook-secret";

    private static volatile ProductOpenerStandIn standIn;

    private final FleetBoxResource fleet = new FleetBoxResource();
    private Path dir;

    public static ProductOpenerStandIn standIn() {
        return standIn;
    }

    public static FleetBox box() {
        return FleetBoxResource.box();
    }

    @Override
    public void init(Map<String, String> args) {
        fleet.init(args);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(fleet.start());
        try {
            dir = Files.createTempDirectory("po-standin-");
            standIn = ProductOpenerStandIn.create(dir);
            standIn.seed(box());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String topic = "offops.inventory.deploy-test-" + UUID.randomUUID();
        FleetInventory.events(box()).forEach(e -> TestKafka.sendEvent(SharedInfra.kafkaBootstrap(), topic, e));
        config.put("mp.messaging.incoming.inventory-events.topic", topic);
        config.put("mp.messaging.incoming.inventory-events.group.id", "deploy-test-" + UUID.randomUUID());
        config.put("offops.deploy.asset-base-url", standIn.assetBaseUrl());
        config.put("offops.deploy.asset-dir", dir.resolve("deploy-assets").toString());
        config.put("offops.deploy.repositories.product-opener.secret", SECRET);
        config.put("offops.deploy.retry-backoff", "100ms");
        return config;
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.close();
            standIn = null;
        }
        fleet.stop();
        if (dir != null) {
            TempDirs.deleteQuietly(dir);
        }
    }
}
