package org.offops.inventory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.TestTokens;

@QuarkusTest
@WithTestResource(OffopsTestResource.class)
class ServerApiTest {

    @org.junit.jupiter.api.BeforeEach
    void datacenters() {
        InventoryApi.datacenter("free");
    }

    private static String server(String name, String sshHost) {
        return """
                {"name":"%s","datacenter":"free","sshHost":"%s","sshPort":22,
                 "hostKey":"SHA256:uH1Ck6JQK0XkR1fQm8Yq2H9o0bq8mHcLw9m2R5yQzxA","role":"production"}"""
                .formatted(name, sshHost);
    }

    @Test
    void requestWithoutTokenIsRefusedWith401Json() {
        given().when().get("/servers")
                .then().statusCode(401).contentType(ContentType.JSON)
                .body("error", equalTo("a bearer token is required"))
                .body("field", equalTo("Authorization"));
    }

    @Test
    void unknownTokenIsRefusedWith401() {
        given().header("Authorization", "Bearer not-a-token").when().get("/servers")
                .then().statusCode(401).body("error", equalTo("the bearer token is not valid"));
    }

    @Test
    void viewerOnOperatorEndpointIsRefusedWith403Json() {
        given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                .contentType(ContentType.JSON).body(server("off9", "127.0.0.9"))
                .when().post("/servers")
                .then().statusCode(403).contentType(ContentType.JSON)
                .body("error", equalTo("role viewer may not do this; operator is required"));
        given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                .when().get("/servers/off9").then().statusCode(404);
    }

    @Test
    void operatorMayNotDeleteButAdminMay() {
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR))
                .contentType(ContentType.JSON).body(server("ovh5", "127.0.0.15"))
                .when().post("/servers").then().statusCode(201);
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR))
                .when().delete("/servers/ovh5").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(TestTokens.ADMIN))
                .when().delete("/servers/ovh5").then().statusCode(204);
    }

    @Test
    void registeredServerIsListedForViewers() {
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR))
                .contentType(ContentType.JSON).body(server("lst2", "127.0.0.3"))
                .when().post("/servers").then().statusCode(201).header("ETag", "\"0\"");
        given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                .when().get("/servers").then().statusCode(200).body("name", hasItem("lst2"));
    }

    @Test
    void invalidFieldIsNamedInA400() {
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR))
                .contentType(ContentType.JSON).body(server("Off;rm -rf /", "127.0.0.3"))
                .when().post("/servers")
                .then().statusCode(400).body("field", equalTo("name"));
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR))
                .contentType(ContentType.JSON).body(server("off7", "$(reboot)"))
                .when().post("/servers")
                .then().statusCode(400).body("field", equalTo("sshHost"));
    }

    @Test
    void malformedJsonIsA400WithJsonBody() {
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR))
                .contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/servers")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("the request body is not valid JSON"));
    }

    @Test
    void unknownPathIsA404WithJsonBody() {
        given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                .when().get("/servers/nosuch")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("no server nosuch")).body("field", nullValue());
    }

    @Test
    void staleIfMatchIsRefusedWith412SoNoUpdateIsLostSilently() {
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR))
                .contentType(ContentType.JSON).body(server("etag1", "127.0.0.11"))
                .when().post("/servers").then().statusCode(201);
        String etag = given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                .when().get("/servers/etag1").then().statusCode(200).extract().header("ETag");
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).header("If-Match", etag)
                .contentType(ContentType.JSON).body(server("etag1", "127.0.0.21"))
                .when().put("/servers/etag1").then().statusCode(200).body("sshHost", equalTo("127.0.0.21"));
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).header("If-Match", etag)
                .contentType(ContentType.JSON).body(server("etag1", "127.0.0.31"))
                .when().put("/servers/etag1").then().statusCode(412).body("field", equalTo("If-Match"));
    }
}
