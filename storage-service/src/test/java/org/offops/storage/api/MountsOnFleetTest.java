package org.offops.storage.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetBoxResource;
import org.offops.testkit.fleet.FleetInventory;

/**
 * Container bind mounts on the fleet-in-a-box (off2 with its running container opff, vmid 110, and the stopped obf,
 * 111; pct and zfs stand-ins): the free slot after a foreign mp0, idempotent re-adds, outer mounts re-slotted before
 * inner ones, MountConfigured on the bus, dry runs that change nothing, and renames refused under a running mount.
 */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(value = FleetBoxResource.class, initArgs = {
        @ResourceArg(name = "hosts", value = "off2,opff"), @ResourceArg(name = "net", value = "62")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MountsOnFleetTest {

    private static final String ZFS = "/usr/local/sbin/zfs";
    private static final String ZPOOL = "/usr/local/sbin/zpool";
    private static final String PCT = "/usr/local/sbin/pct";
    private static final String HTML = "rpool/opff/html_data";
    private static final Map<String, Long> IDS = new HashMap<>();
    private static long productsMount;
    private static long htmlMount;

    @Test
    @Order(1)
    void dryRunShowsTheLowestFreeSlotAfterForeignMountsAndChangesNothing() {
        FleetBox box = FleetBoxResource.box();
        FleetInventory.awaitFleetView(box, Duration.ofSeconds(90));
        box.exec("off2", ZFS + " list rpool >/dev/null 2>&1 || " + ZPOOL + " create -m /rpool rpool").orThrow();
        for (String ds : List.of("rpool/opff", "rpool/opff/products", "rpool/opff/html_data", "rpool/opff/cache")) {
            box.exec("off2", ZFS + " create -p " + ds).orThrow();
            IDS.put(ds, operator().body(Map.of("server", "off2", "name", ds, "kind", kind(ds), "flavor", "opff",
                    "scope", "flavor")).post("/datasets").then().statusCode(201).extract().jsonPath()
                    .getLong("result.id"));
        }
        // the fleet file gives opff mp0 products, mp1 images, mp2 users (not offops' rows); free mp1 for the test
        box.exec("off2", PCT + " set 110 -delete mp1").orThrow();
        String before = config(box, 110);
        JsonPath plan = operator().body(Map.of("dataset", IDS.get(HTML), "container", "opff"))
                .post("/mounts?dryRun=true").then().statusCode(200).body("dryRun", equalTo(true)).extract().jsonPath();
        assertEquals("on off2: pct set 110 -mp1 '/rpool/opff/html_data,mp=/mnt/opff/html_data'",
                plan.getString("steps[0]"), before);
        assertEquals("mp1", plan.getString("result.mount.slot"));
        assertTrue(plan.getBoolean("result.rebootRequired"), "opff runs: a bind mount is mounted at (re)start");
        assertEquals(before, config(box, 110), "a dry run changes nothing");
        viewer().get("/mounts").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    @Order(2)
    void addingAMountWritesMpNPublishesMountConfiguredAndShowsThePathInside() {
        FleetBox box = FleetBoxResource.box();
        JsonPath added = operator().body(Map.of("dataset", IDS.get(HTML), "container", "opff"))
                .post("/mounts").then().statusCode(201).body("result.outcome", equalTo("CHANGE"))
                .body("result.mount.slot", equalTo("mp1")).body("result.rebootRequired", equalTo(true))
                .extract().jsonPath();
        htmlMount = added.getLong("result.mount.id");
        String config = config(box, 110);
        assertTrue(config.contains("mp1: /rpool/opff/html_data,mp=/mnt/opff/html_data\n"), config);
        assertTrue(config.contains("mp0: /rpool/opff/products,mp=/mnt/opff/products\n"), "foreign mp0 kept");
        box.exec("off2", "echo hello > /rpool/opff/html_data/marker").orThrow();
        box.exec("off2", PCT + " reboot 110").orThrow(); // what rebootRequired asks the operator to do
        assertEquals("hello", box.exec("opff", "cat /mnt/opff/html_data/marker").orThrow().stdout().strip());
        String correlation = added.getString("result.correlationId");
        TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.STORAGE, records -> records.stream()
                .filter(r -> ("dataset/off2:" + HTML).equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .anyMatch(e -> isMountConfigured(e, correlation, "mp1", "/mnt/opff/html_data")),
                Duration.ofSeconds(30));
    }

    @Test
    @Order(3)
    void addingTheSameMountAgainChangesNothingAndAnExistingOneIsAdopted() {
        FleetBox box = FleetBoxResource.box();
        String before = config(box, 110);
        long pctSets = pctSets(box);
        operator().body(Map.of("dataset", IDS.get(HTML), "container", "opff")).post("/mounts")
                .then().statusCode(200).body("result.outcome", equalTo("UNCHANGED"))
                .body("result.mount.id", equalTo((int) htmlMount)).body("result.rebootRequired", equalTo(false))
                .body("result.correlationId", equalTo(null));
        productsMount = operator().body(Map.of("dataset", IDS.get("rpool/opff/products"), "container", "opff"))
                .post("/mounts").then().statusCode(201).body("result.outcome", equalTo("UNCHANGED"))
                .body("result.mount.slot", equalTo("mp0")).extract().jsonPath().getLong("result.mount.id");
        assertEquals(before, config(box, 110));
        assertEquals(pctSets, pctSets(box), "no pct set for mounts that are already there");
    }

    @Test
    @Order(4)
    void anOuterMountIsReslottedBeforeTheMountsInsideIt() {
        FleetBox box = FleetBoxResource.box();
        JsonPath outer = operator().body(Map.of("dataset", IDS.get("rpool/opff"), "container", "opff",
                "containerPath", "/mnt/opff")).post("/mounts").then().statusCode(201)
                .body("result.mount.slot", equalTo("mp0")).extract().jsonPath();
        assertEquals("on off2: pct set 110 -mp0 '/rpool/opff,mp=/mnt/opff' -mp1 '/rpool/opff/products,mp=/mnt/opff/"
                + "products' -mp2 '/rpool/opff/html_data,mp=/mnt/opff/html_data' -mp3 '/rpool/off/users,mp=/mnt/"
                + "opff/users'", outer.getString("steps[0]"));
        assertTrue(outer.getList("result.notes", String.class).contains("re-slotted mp2 (/rpool/off/users ->"
                + " /mnt/opff/users) to mp3: it is inside /mnt/opff, which must be mounted first"), outer.prettify());
        String config = config(box, 110);
        for (String line : List.of("mp0: /rpool/opff,mp=/mnt/opff", "mp1: /rpool/opff/products,mp=/mnt/opff/products",
                "mp2: /rpool/opff/html_data,mp=/mnt/opff/html_data", "mp3: /rpool/off/users,mp=/mnt/opff/users")) {
            assertTrue(config.contains(line + "\n"), line + " in\n" + config);
        }
        viewer().get("/mounts/" + productsMount).then().body("slot", equalTo("mp1"));
        viewer().get("/mounts/" + htmlMount).then().body("slot", equalTo("mp2"));
    }

    @Test
    @Order(5)
    void badMountsAreRefusedNamingTheField() {
        long cache = IDS.get("rpool/opff/cache");
        operator().body(Map.of("dataset", cache, "container", "opff", "containerPath", "mnt/x")).post("/mounts")
                .then().statusCode(400).body("field", equalTo("containerPath"));
        operator().body(Map.of("dataset", cache, "container", "opff", "containerPath", "/mnt/../etc"))
                .post("/mounts").then().statusCode(400).body("field", equalTo("containerPath"));
        operator().body(Map.of("dataset", cache, "container", "opff", "containerPath", "/mnt/opff/users"))
                .post("/mounts").then().statusCode(409).body("field", equalTo("containerPath"))
                .body("error", containsString("mp3"));
        operator().body(Map.of("dataset", cache, "container", "nope")).post("/mounts").then().statusCode(422)
                .body("field", equalTo("container"));
        operator().body(Map.of("dataset", 999999, "container", "opff")).post("/mounts").then().statusCode(422)
                .body("field", equalTo("dataset"));
        viewer().body(Map.of("dataset", cache, "container", "opff")).post("/mounts").then().statusCode(403);
    }

    @Test
    @Order(6)
    void renameIsRefusedWhileTheDatasetIsMountedInARunningContainer() {
        FleetBox box = FleetBoxResource.box();
        for (String dryRun : List.of("?dryRun=true", "")) {
            operator().body(Map.of("name", "rpool/opff/products-moved"))
                    .post("/datasets/" + IDS.get("rpool/opff/products") + "/rename" + dryRun).then().statusCode(409)
                    .body("field", equalTo("id")).body("error", containsString("container opff (vmid 110)"))
                    .body("error", containsString("as mp1"));
        }
        operator().body(Map.of("name", "rpool/opff-moved")).post("/datasets/" + IDS.get("rpool/opff") + "/rename")
                .then().statusCode(409).body("error", containsString("as mp0"));
        assertTrue(datasets(box).contains("rpool/opff/products"));
    }

    @Test
    @Order(7)
    void renameOfADatasetNotMountedInARunningContainerWorks() {
        FleetBox box = FleetBoxResource.box();
        long cache = IDS.get("rpool/opff/cache");
        // obf (111) is not started in this box: its mount does not block the rename, and follows it
        box.exec("off2", PCT + " set 111 -mp3 /rpool/opff/cache,mp=/mnt/opff/cache").orThrow();
        JsonPath dry = operator().body(Map.of("name", "rpool/opff/cache-old"))
                .post("/datasets/" + cache + "/rename?dryRun=true").then().statusCode(200).extract().jsonPath();
        assertEquals("on off2: zfs rename rpool/opff/cache rpool/opff/cache-old", dry.getString("steps[0]"));
        assertTrue(dry.getList("steps", String.class).stream()
                .anyMatch(s -> s.startsWith("then re-point mp3 of obf (vmid 111, stopped)")), dry.prettify());
        assertTrue(datasets(box).contains("rpool/opff/cache\n"), "a dry run renames nothing");
        operator().body(Map.of("name", "rpool/opff/cache-old")).post("/datasets/" + cache + "/rename").then()
                .statusCode(200).body("result.name", equalTo("rpool/opff/cache-old"))
                .body("steps", hasItem("on off2: pct set 111 -mp3 '/rpool/opff/cache-old,mp=/mnt/opff/cache'"
                        + " (stopped container obf follows the rename)"));
        assertTrue(config(box, 111).contains("mp3: /rpool/opff/cache-old,mp=/mnt/opff/cache\n"), config(box, 111));
        assertTrue(datasets(box).contains("rpool/opff/cache-old\n"));
        assertFalse(datasets(box).contains("rpool/opff/cache\n"));
        viewer().get("/datasets/" + cache).then().body("name", equalTo("rpool/opff/cache-old"));
        TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.STORAGE, records -> records.stream()
                .filter(r -> "dataset/off2:rpool/opff/cache".equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .anyMatch(e -> e.type().equals("offops.storage.DatasetRenamed")
                        && e.data().get("to").asText().equals("rpool/opff/cache-old")), Duration.ofSeconds(30));
        operator().body(Map.of("name", "tank/opff/cache")).post("/datasets/" + cache + "/rename").then()
                .statusCode(422).body("field", equalTo("name"));
    }

    @Test
    @Order(8)
    void deletingAMountRemovesItsMpN() {
        FleetBox box = FleetBoxResource.box();
        String before = config(box, 110);
        admin().delete("/mounts/" + htmlMount + "?dryRun=true").then().statusCode(200)
                .body("steps[0]", equalTo("on off2: pct set 110 -delete mp2"));
        assertEquals(before, config(box, 110));
        operator().delete("/mounts/" + htmlMount).then().statusCode(403);
        String correlation = admin().delete("/mounts/" + htmlMount).then().statusCode(200)
                .body("result.rebootRequired", equalTo(true)).extract().jsonPath().getString("result.correlationId");
        assertFalse(config(box, 110).contains("mp2:"), config(box, 110));
        assertTrue(config(box, 110).contains("mp1: /rpool/opff/products,mp=/mnt/opff/products\n"));
        viewer().get("/mounts/" + htmlMount).then().statusCode(404);
        viewer().get("/mounts").then().body("containerPath", hasItem("/mnt/opff/products"));
        TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.STORAGE, records -> records.stream()
                .filter(r -> ("dataset/off2:" + HTML).equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .anyMatch(e -> e.type().equals("offops.storage.MountRemoved") && correlation.equals(e.correlationid())
                        && e.data().get("slot").asText().equals("mp2")), Duration.ofSeconds(30));
    }

    private static boolean isMountConfigured(EventEnvelope e, String correlation, String slot, String path) {
        return e.type().equals("offops.storage.MountConfigured") && correlation.equals(e.correlationid())
                && slot.equals(e.data().get("slot").asText()) && path.equals(e.data().get("containerPath").asText())
                && e.data().get("vmid").asInt() == 110 && e.data().get("rebootRequired").asBoolean();
    }

    private static String kind(String dataset) {
        String last = dataset.substring(dataset.lastIndexOf('/') + 1);
        return List.of("products", "html_data", "cache").contains(last) ? last : "other";
    }

    private static String config(FleetBox box, int vmid) {
        return box.exec("off2", PCT + " config " + vmid).orThrow().stdout();
    }

    private static String datasets(FleetBox box) {
        return box.exec("off2", ZFS + " list -H -o name").orThrow().stdout();
    }

    private static long pctSets(FleetBox box) {
        return box.exec("off2", "cat /var/log/offops-standins.log").orThrow().stdout().lines()
                .filter(l -> l.contains("pct set 110")).count();
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON);
    }

    private static RequestSpecification viewer() {
        return given().auth().oauth2(TestTokens.VIEWER).contentType(ContentType.JSON);
    }
}
