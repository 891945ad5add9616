package org.offops.network;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBoxResource;
import org.offops.testkit.fleet.FleetInventory;
import org.offops.remote.git.ConfigRepository;

/**
 * A fresh PSK sealing key, a bare infrastructure git repository, a log file and a private inventory topic for one
 * @QuarkusTest class: other engineers' fleet boxes announce hosts with the same names (proxy, ovh1...) on the shared
 * offops.inventory at the same time, and this service's fleet view would follow their addresses.
 */
public class NetworkTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile Path dir;
    private static volatile String inventoryTopic;

    /** Where this test's inventory events go (both inventory consumers of the service read it). */
    public static String inventoryTopic() {
        return inventoryTopic;
    }

    /** Announces the running box's hosts on the private topic and waits until the fleet view knows them. */
    public static void announceFleet(String... hosts) {
        FleetInventory.events(FleetBoxResource.box())
                .forEach(event -> TestKafka.sendEvent(SharedInfra.kafkaBootstrap(), inventoryTopic, event));
        for (String host : hosts) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(TestTokens.VIEWER)
                    .get("/fleet-view/servers").then().extract().asString().contains("\"" + host + "\"")
                    || given().auth().oauth2(TestTokens.VIEWER).get("/fleet-view/containers").then().extract()
                    .asString().contains("\"" + host + "\""));
        }
    }

    public static Path bareRepo() {
        return dir.resolve("infra.git");
    }

    public static Path logFile() {
        return dir.resolve("service.log");
    }

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("network-test-");
            inventoryTopic = "offops.inventory.network-test-" + UUID.randomUUID();
            ConfigRepository.initBare(bareRepo());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Map.ofEntries(Map.entry("mp.messaging.incoming.inventory-events.topic", inventoryTopic),
                    Map.entry("mp.messaging.incoming.inventory-links.topic", inventoryTopic),
                    Map.entry("offops.network.psk-key", Base64.getEncoder().encodeToString(key)),
                    Map.entry("offops.config-repo.url", bareRepo().toString()),
                    Map.entry("offops.config-repo.clone", dir.resolve("clone").toString()),
                    Map.entry("quarkus.log.file.enabled", "true"),
                    Map.entry("quarkus.log.file.path", logFile().toString()),
                    Map.entry("quarkus.log.file.level", "ALL"),
                    Map.entry("quarkus.log.category.\"org.offops\".level", "DEBUG"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the directory stays for post-mortem reading of the service log; it lives under the temp dir
    }
}
