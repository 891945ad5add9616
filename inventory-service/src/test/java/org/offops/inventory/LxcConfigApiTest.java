package org.offops.inventory;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.TestTokens;

/** Proxmox configs over real SSH: import from a live host, export back identical, drift after an edit. */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(PveHostResource.class)
class LxcConfigApiTest {

    // Read when used, not injected: injection points are checked for every @QuarkusTest, and these values exist
    // only with PveHostResource.
    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    private static String fixture(String name) throws IOException {
        try (var in = LxcConfigApiTest.class.getResourceAsStream("/lxc/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void live(int vmid, String text) throws IOException {
        Files.writeString(Path.of(config("offops.inventory.pve-lxc-dir"), vmid + ".conf"), text);
    }

    private Map<String, String> statuses(JsonPath report) {
        return report.getList("$", Map.class).stream().collect(Collectors.toMap(
                d -> String.valueOf(d.get("container") == null ? "vmid " + d.get("vmid") : d.get("container")),
                d -> (String) d.get("status")));
    }

    @Test
    void liveConfigsAreImportedExportedIdenticallyAndDriftIsShown() throws IOException {
        InventoryApi.datacenter("lab");
        InventoryApi.as(TestTokens.OPERATOR).body("""
                {"name":"pve1","datacenter":"lab","sshHost":"127.0.0.91","sshPort":%d,"hostKey":"%s","role":"production"}"""
                .formatted(Integer.parseInt(config("offops.test.pve.port")), config("offops.test.pve.fingerprint"))).when().post("/servers").then().statusCode(201);
        InventoryApi.flavor("off");
        InventoryApi.as(TestTokens.OPERATOR).body(InventoryApi.container("pantry", 130, "pve1", "off"))
                .when().post("/containers").then().statusCode(201);
        InventoryApi.as(TestTokens.OPERATOR).body(InventoryApi.container("edge", 131, "pve1", "off"))
                .when().post("/containers").then().statusCode(201);
        String app = fixture("app-bind-mounts.conf");
        live(130, app);
        live(131, fixture("proxy-two-nets.conf"));
        live(199, fixture("database-snapshots.conf"));

        JsonPath dryRun = InventoryApi.as(TestTokens.OPERATOR).when().post("/lxc/servers/pve1?dryRun=true")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("pantry", "not-held", "edge", "not-held", "vmid 199", "unknown-vmid"), statuses(dryRun));
        InventoryApi.as(TestTokens.VIEWER).when().get("/lxc/containers/pantry").then().statusCode(404);

        InventoryApi.as(TestTokens.OPERATOR).when().post("/lxc/servers/pve1").then().statusCode(200);
        String exported = InventoryApi.as(TestTokens.VIEWER).when().get("/lxc/containers/pantry")
                .then().statusCode(200).extract().asString();
        assertEquals(app, exported);

        live(130, app.replace("mp0: /tank/pantry,mp=/mnt/pantry", "mp0: /tank/pantry-renamed,mp=/mnt/pantry"));
        JsonPath drift = InventoryApi.as(TestTokens.VIEWER).when().get("/lxc/servers/pve1")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("drifted", statuses(drift).get("pantry"));
        assertEquals("in-sync", statuses(drift).get("edge"));
        assertEquals("mp0", drift.getString("find { it.container == 'pantry' }.differences[0].key"));
    }

    @Test
    void malformedConfigIsRefusedWithItsLineNumber() {
        InventoryApi.datacenter("lab");
        InventoryApi.server("pve2", "lab");
        InventoryApi.flavor("off");
        InventoryApi.as(TestTokens.OPERATOR).body(InventoryApi.container("broken", 140, "pve2", "off"))
                .when().post("/containers").then().statusCode(201);
        InventoryApi.as(TestTokens.OPERATOR).contentType("text/plain").body("arch: amd64\n  cores: 2\n")
                .when().put("/lxc/containers/broken")
                .then().statusCode(400).body("error", containsString("line 2")).body("field", equalTo("body"));
    }

    @Test
    void serverWithoutPinnedKeyIsNotContacted() {
        InventoryApi.datacenter("lab");
        InventoryApi.server("pve3", "lab");
        InventoryApi.as(TestTokens.VIEWER).when().get("/lxc/servers/pve3")
                .then().statusCode(422).body("field", equalTo("hostKey"));
    }
}
