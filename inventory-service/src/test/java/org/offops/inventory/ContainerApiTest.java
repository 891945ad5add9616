package org.offops.inventory;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.events.inventory.ContainerRegistered;
import org.offops.events.inventory.ContainerRemoved;
import org.offops.events.inventory.ContainerUpdated;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;

@QuarkusTest
@WithTestResource(OffopsTestResource.class)
class ContainerApiTest {

    @BeforeEach
    void fleet() {
        InventoryApi.server("off2", "free");
        InventoryApi.flavor("off");
        InventoryApi.flavor("obf");
    }

    @Test
    void containersAreFilteredByServerAndFlavorAndPaged() {
        InventoryApi.server("filter2", "free");
        InventoryApi.server("filter1", "free");
        InventoryApi.as(TestTokens.OPERATOR).body(InventoryApi.container("f-off", 210, "filter2", "off"))
                .when().post("/containers").then().statusCode(201);
        InventoryApi.as(TestTokens.OPERATOR).body(InventoryApi.container("f-obf", 211, "filter2", "obf"))
                .when().post("/containers").then().statusCode(201);
        InventoryApi.as(TestTokens.OPERATOR).body(InventoryApi.container("f-off1", 212, "filter1", "off"))
                .when().post("/containers").then().statusCode(201);

        InventoryApi.as(TestTokens.VIEWER).when().get("/containers?server=filter2&flavor=off")
                .then().statusCode(200).body("name", contains("f-off"));
        InventoryApi.as(TestTokens.VIEWER).when().get("/containers?server=filter1&limit=1&offset=0")
                .then().statusCode(200).body("name", hasSize(1));
        InventoryApi.as(TestTokens.VIEWER).when().get("/containers?limit=0")
                .then().statusCode(400).body("field", equalTo("limit"));
    }

    @Test
    void containerOnUnknownServerOrWithDuplicateVmidIsRefused() {
        InventoryApi.as(TestTokens.OPERATOR).body(InventoryApi.container("c-lost", 220, "nowhere", "off"))
                .when().post("/containers").then().statusCode(422).body("field", equalTo("server"));
        InventoryApi.as(TestTokens.OPERATOR).body(InventoryApi.container("c-one", 221, "off2", "off"))
                .when().post("/containers").then().statusCode(201);
        InventoryApi.as(TestTokens.OPERATOR).body(InventoryApi.container("c-two", 221, "off2", "off"))
                .when().post("/containers").then().statusCode(409).body("field", equalTo("vmid"));
        InventoryApi.as(TestTokens.OPERATOR).body(InventoryApi.container("c-bad", 222, "off2", "off")
                        .replace("\"apache2\"", "\"apache2; reboot\""))
                .when().post("/containers").then().statusCode(400).body("field", equalTo("services"));
    }

    @Test
    void concurrentUpdatesCannotOverwriteEachOther() {
        InventoryApi.as(TestTokens.OPERATOR).body(InventoryApi.container("c-etag", 230, "off2", "off"))
                .when().post("/containers").then().statusCode(201);
        String etag = InventoryApi.as(TestTokens.VIEWER).when().get("/containers/c-etag").then().extract().header("ETag");
        String moved = InventoryApi.container("c-etag", 230, "off2", "off").replace("10.1.0.230", "10.1.0.231");
        InventoryApi.as(TestTokens.OPERATOR).header("If-Match", etag).body(moved)
                .when().put("/containers/c-etag").then().statusCode(200).body("internalIp", equalTo("10.1.0.231"));
        InventoryApi.as(TestTokens.OPERATOR).header("If-Match", etag).body(moved.replace("10.1.0.231", "10.1.0.232"))
                .when().put("/containers/c-etag").then().statusCode(412);
        InventoryApi.as(TestTokens.OPERATOR).body(moved).when().put("/containers/c-etag").then().statusCode(428);
    }

    @Test
    void rolesGuardWritesAndDeletes() {
        InventoryApi.server("roles1", "free");
        InventoryApi.as(TestTokens.VIEWER).body(InventoryApi.container("c-role", 240, "roles1", "off"))
                .when().post("/containers").then().statusCode(403);
        InventoryApi.as(TestTokens.OPERATOR).body(InventoryApi.container("c-role", 240, "roles1", "off"))
                .when().post("/containers").then().statusCode(201);
        InventoryApi.as(TestTokens.OPERATOR).when().delete("/containers/c-role").then().statusCode(403);
        InventoryApi.as(TestTokens.ADMIN).when().delete("/servers/roles1").then().statusCode(409)
                .body("field", equalTo("name"));
        InventoryApi.as(TestTokens.ADMIN).when().delete("/containers/c-role").then().statusCode(204);
        InventoryApi.as(TestTokens.ADMIN).when().delete("/servers/roles1").then().statusCode(204);
    }

    @Test
    void everyChangePublishesTheFullNewState() {
        InventoryApi.as(TestTokens.OPERATOR).body(InventoryApi.container("c-events", 250, "off2", "off"))
                .when().post("/containers").then().statusCode(201);
        String etag = InventoryApi.as(TestTokens.VIEWER).when().get("/containers/c-events").then().extract().header("ETag");
        InventoryApi.as(TestTokens.OPERATOR).header("If-Match", etag)
                .body(InventoryApi.container("c-events", 250, "off2", "obf"))
                .when().put("/containers/c-events").then().statusCode(200);
        InventoryApi.as(TestTokens.ADMIN).when().delete("/containers/c-events").then().statusCode(204);

        var records = TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.INVENTORY,
                seen -> seen.stream().filter(r -> "container/c-events".equals(r.key())).count() == 3,
                Duration.ofSeconds(30));
        List<EventEnvelope> events = records.stream().filter(r -> "container/c-events".equals(r.key()))
                .map(r -> EventCodec.decode(r.value())).toList();
        assertEquals(List.of(ContainerRegistered.TYPE, ContainerUpdated.TYPE, ContainerRemoved.TYPE),
                events.stream().map(EventEnvelope::type).toList());
        ContainerUpdated updated = EventCodec.payload(events.get(1), ContainerUpdated.class);
        assertEquals("obf", updated.container().flavor());
        assertEquals(List.of("apache2", "minion", "incron"), updated.container().services());
        assertEquals("off2", EventCodec.payload(events.get(2), ContainerRemoved.class).server());
    }

    @Test
    void flavorAndDatacenterNeedIfMatchToBeReplaced() {
        InventoryApi.as(TestTokens.OPERATOR).body("""
                {"name":"opff","repository":"https://github.com/openfoodfacts/openfoodfacts-server","codePath":"/srv/opff",
                 "staticPath":"/srv/opff-static","domains":["openpetfoodfacts.org"],"platform":"public"}""")
                .when().put("/flavors/opff").then().statusCode(200);
        InventoryApi.as(TestTokens.OPERATOR).body("""
                {"name":"opff","repository":"https://github.com/openfoodfacts/openfoodfacts-server","codePath":"/srv/opff",
                 "staticPath":"/srv/opff-dist","domains":["openpetfoodfacts.org"],"platform":"public"}""")
                .when().put("/flavors/opff").then().statusCode(409);
        InventoryApi.as(TestTokens.OPERATOR).body("""
                {"name":"opff","repository":"ftp://x","codePath":"/srv/opff","staticPath":"/srv/opff-static",
                 "domains":[],"platform":"public"}""")
                .when().put("/flavors/opff").then().statusCode(400).body("field", equalTo("repository"));
        InventoryApi.as(TestTokens.VIEWER).when().get("/flavors/opff").then().statusCode(200)
                .body("staticPath", equalTo("/srv/opff-static"));
    }
}
