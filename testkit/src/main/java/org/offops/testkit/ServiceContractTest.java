package org.offops.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * What every offops service promises, checked once here and run in each service by a {@code @QuarkusTest}
 * subclass: readiness covering its database, Kafka and outbox, Prometheus metrics, OpenAPI, token-protected API.
 */
public abstract class ServiceContractTest {

    /** A viewer-level API path of the service under test. */
    protected abstract String protectedPath();

    @Test
    void readinessCoversDatabaseKafkaAndOutbox() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check",
                        "outbox-relay"));
    }

    @Test
    void metricsAreServedForPrometheus() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }

    @Test
    void apiWithoutTokenIs401WithJsonError() {
        given().when().get(protectedPath()).then().statusCode(401).contentType(ContentType.JSON)
                .body("error", equalTo("a bearer token is required")).body("field", equalTo("Authorization"));
    }

    @Test
    void apiWithViewerTokenAnswers() {
        given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER)).when().get(protectedPath())
                .then().statusCode(200);
    }
}
