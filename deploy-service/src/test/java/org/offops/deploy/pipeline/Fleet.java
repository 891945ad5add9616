package org.offops.deploy.pipeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.offops.deploy.domain.Signature;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetHost;

/** What the end-to-end tests do and look at: signed webhooks, deployments by release, the hosts' state. */
final class Fleet {

    static final List<String> FLAVORS = List.of("off", "obf", "opf", "opff", "off-pro");

    private Fleet() {
    }

    /** Sends the stand-in's signed release webhook; returns the ReleasePublished id. */
    static String publish(String tag) {
        awaitFleetView();
        byte[] body = DeployFleetResource.standIn().releasePayload(tag).getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json").header("X-GitHub-Event", "release")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", Signature.sign(DeployFleetResource.SECRET, body)).body(body)
                .when().post("/webhooks/github").then().statusCode(202).extract().path("eventId");
    }

    /** Waits until the service's fleet view knows every app container of the box. */
    static void awaitFleetView() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given()
                .header("Authorization", TestTokens.bearer(TestTokens.VIEWER)).when().get("/fleet-view/containers")
                .then().statusCode(200).extract().jsonPath().<String>getList("name").containsAll(FLAVORS));
    }

    /** Waits until the release's deployments have all ended; returns them by container. */
    static Map<String, Map<String, Object>> awaitRelease(String release, int count) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<String> states = deployments(release).getList("items.state");
            return states.size() == count && states.stream().noneMatch(s -> s.equals("QUEUED")
                    || s.equals("RUNNING") || s.equals("ROLLING_BACK"));
        });
        List<Map<String, Object>> items = deployments(release).getList("items");
        return items.stream().collect(java.util.stream.Collectors.toMap(i -> (String) i.get("container"), i -> i));
    }

    static JsonPath deployments(String release) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER)).queryParam("release", release)
                .queryParam("limit", 100).when().get("/deployments").then().statusCode(200).extract().jsonPath();
    }

    static String sh(String host, String line) {
        return box().exec(host, line).orThrow().stdout().strip();
    }

    static String head(String flavor) {
        return sh(flavor, "git -C /srv/" + flavor + " describe --tags");
    }

    static String staticLink(String flavor) {
        return sh(flavor, "readlink /srv/" + flavor + "-static");
    }

    /** What the container's backend serves at /version, over HTTP from here. */
    static String served(String flavor) {
        FleetHost host = box().host(flavor);
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + host.address()
                    + "/version")).build(), HttpResponse.BodyHandlers.ofString()).body().strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The units restarted on the host so far, in order. */
    static List<String> restarts(String flavor) {
        try {
            return box().host(flavor).standinCalls().stream().filter(c -> c.startsWith("systemctl restart "))
                    .map(c -> c.substring("systemctl restart ".length())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FleetBox box() {
        return DeployFleetResource.box();
    }
}
