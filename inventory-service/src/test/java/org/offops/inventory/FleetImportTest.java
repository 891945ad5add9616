package org.offops.inventory;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.TestTokens;

/**
 * Importing the shipped OFF fleet file: dry run changes nothing, the import is whole, a second one is a no-op.
 * The first import must see an empty inventory for these names, so it runs first.
 */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetImportTest {

    private static final Path OFF_FLEET = org.offops.testkit.Repo.fleetFile();

    @Inject
    EntityManager em;

    private static JsonPath importFleet(String yaml, boolean dryRun) {
        return InventoryApi.as(TestTokens.OPERATOR).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .when().post("/import/fleet?dryRun=" + dryRun).then().statusCode(200).extract().jsonPath();
    }

    private static String action(JsonPath plan, String kind, String name) {
        return plan.getString("find { it.kind == '" + kind + "' && it.name == '" + name + "' }.action");
    }

    private long outboxRows(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where aggregate_key = ?1").setParameter(1, subject)
                .getSingleResult()).longValue());
    }

    @Test
    @Order(1)
    void offFleetImportsOnceAndSecondImportChangesNothing() throws IOException {
        String yaml = Files.readString(OFF_FLEET);

        JsonPath dryRun = importFleet(yaml, true);
        assertEquals("CREATE", action(dryRun, "container", "mongodb"));
        assertEquals("CREATE", action(dryRun, "flavor", "off-pro"));
        InventoryApi.as(TestTokens.VIEWER).when().get("/containers/mongodb").then().statusCode(404);
        assertEquals(0, outboxRows("container/mongodb"));

        JsonPath applied = importFleet(yaml, false);
        assertEquals("CREATE", action(applied, "container", "mongodb"));
        InventoryApi.as(TestTokens.VIEWER).when().get("/containers/off").then().statusCode(200)
                .body("services", equalTo(List.of("apache2", "apache2@priority", "minion", "incron", "cloud_vision_ocr@")))
                .body("internalIp", equalTo("10.1.0.113"));
        InventoryApi.as(TestTokens.VIEWER).when().get("/flavors/off-pro").then().statusCode(200)
                .body("platform", equalTo("producers"));
        assertEquals(1, outboxRows("container/mongodb"));

        JsonPath again = importFleet(yaml, false);
        List<Map<String, Object>> changes = again.getList("$");
        assertTrue(changes.stream().noneMatch(c -> c.get("action").equals("CREATE") || c.get("action").equals("UPDATE")),
                "second import plans no change: " + changes);
        assertEquals(1, outboxRows("container/mongodb"), "second import published nothing");
    }

    @Test
    void hostKeysArePinnedOnceFromAnInventoryListing() throws IOException {
        importFleet(Files.readString(OFF_FLEET), false);
        String key = "SHA256:Zq8m0tCkq7Xr9s1Ue4bW3vN6yJ2pL5hD8fG0aT1cR4E";
        String listing = "# name\ttype\taddress\tport\tuser\tfingerprint\tclient-key\n"
                + "memcached\tcontainer\t127.0.0.121\t22\troot\t" + key + "\t/tmp/k\n"
                + "ovh2\tserver\t127.0.0.42\t22\troot\t" + key + "\t/tmp/k\n"
                + "nosuch\tserver\t127.0.0.99\t22\troot\t" + key + "\t/tmp/k\n";
        JsonPath first = InventoryApi.as(TestTokens.ADMIN).contentType("text/plain").body(listing)
                .when().post("/import/host-keys").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("pinned", "pinned", "unknown host"), first.getList("outcome"));
        InventoryApi.as(TestTokens.VIEWER).when().get("/containers/memcached").then().body("hostKey", equalTo(key));
        JsonPath second = InventoryApi.as(TestTokens.ADMIN).contentType("text/plain").body(listing)
                .when().post("/import/host-keys").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("unchanged", "unchanged", "unknown host"), second.getList("outcome"));
        InventoryApi.as(TestTokens.ADMIN).contentType("text/plain").body("ovh2 not-a-key\n")
                .when().post("/import/host-keys").then().statusCode(400).body("field", equalTo("body"));
        InventoryApi.as(TestTokens.OPERATOR).contentType("text/plain").body(listing)
                .when().post("/import/host-keys").then().statusCode(403);
    }

    @Test
    void invalidFleetFileChangesNothingAndSaysWhy() throws IOException {
        String yaml = Files.readString(OFF_FLEET).replace("name: memcached,", "name: Memcached!,");
        InventoryApi.as(TestTokens.OPERATOR).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .when().post("/import/fleet").then().statusCode(400).body("field", equalTo("body"));
        InventoryApi.as(TestTokens.OPERATOR).contentType("application/yaml").body("servers: [".getBytes(StandardCharsets.UTF_8))
                .when().post("/import/fleet").then().statusCode(400);
        InventoryApi.as(TestTokens.VIEWER).contentType("application/yaml").body(Files.readAllBytes(OFF_FLEET))
                .when().post("/import/fleet").then().statusCode(403);
    }
}
