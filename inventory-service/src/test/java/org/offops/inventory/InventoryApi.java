package org.offops.inventory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.offops.testkit.TestTokens;

/** Request helpers for inventory tests: tokens per role and idempotent set-up of reference data. */
final class InventoryApi {

    private InventoryApi() {
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON);
    }

    static void datacenter(String name) {
        as(TestTokens.OPERATOR).body("{\"name\":\"" + name + "\",\"description\":\"test\"}")
                .when().put("/datacenters/" + name).then().statusCode(anyOf(is(200), is(409)));
    }

    static void server(String name, String datacenter) {
        datacenter(datacenter);
        as(TestTokens.OPERATOR).body("""
                {"name":"%s","datacenter":"%s","sshHost":"127.0.0.3","sshPort":22,"role":"production"}"""
                .formatted(name, datacenter)).when().post("/servers").then().statusCode(anyOf(is(201), is(409)));
    }

    static void flavor(String name) {
        as(TestTokens.OPERATOR).body("""
                {"name":"%1$s","repository":"https://github.com/openfoodfacts/openfoodfacts-server",
                 "codePath":"/srv/%1$s","staticPath":"/srv/%1$s-static","domains":["openfoodfacts.org"],
                 "platform":"public"}""".formatted(name))
                .when().put("/flavors/" + name).then().statusCode(anyOf(is(200), is(409)));
    }

    static String container(String name, int vmid, String server, String flavor) {
        return """
                {"vmid":%d,"name":"%s","server":"%s","kind":"app","flavor":"%s","internalIp":"10.1.0.%d",
                 "sshHost":"127.0.1.%d","sshPort":22,"services":["apache2","minion","incron"]}"""
                .formatted(vmid, name, server, flavor, vmid % 250, vmid % 250);
    }
}
