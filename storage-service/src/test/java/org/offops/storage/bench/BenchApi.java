package org.offops.storage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.offops.testkit.TestTokens;

/** The storage-service REST calls the benchmark makes, as an operator would (bearer token, JSON). */
final class BenchApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    BenchApi(String url) {
        this.url = url;
    }

    /** A policy that never snapshots by itself: the benchmark's snapshots are the only ones. */
    void manualPolicy(String name) {
        call("PUT", "/policies/" + name, Map.of("hourly", 36, "daily", 30, "monthly", 3, "autosnap", false), 200);
    }

    long dataset(String server, String name, String policy) {
        return call("POST", "/datasets", Map.of("server", server, "name", name, "kind", "other", "scope", "shared",
                "policy", policy), 201).path("result").path("id").asLong();
    }

    long route(String source, String target) {
        return call("POST", "/routes", Map.of("source", source, "target", target), 201).path("result").path("id")
                .asLong();
    }

    /** Takes a snapshot now over SSH (it flows through replication like a scheduled one); returns its name. */
    String snapshot(long datasetId) {
        return call("POST", "/datasets/" + datasetId + "/snapshots", Map.of("period", "hourly"), 201).path("result")
                .asText();
    }

    /** A GET with the operator token, e.g. {@code /replication} or {@code /fleet-view/servers}. */
    JsonNode get(String path) {
        return call("GET", path, null, 200);
    }

    /** A gauge from /q/metrics (no token needed there), or -1 when absent. */
    long gauge(String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(send(HttpRequest
                .newBuilder(URI.create(url + "/q/metrics")).GET(), 200));
        return m.find() ? (long) Double.parseDouble(m.group(2)) : -1;
    }

    private JsonNode call(String method, String path, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                    .header("Authorization", TestTokens.bearer(TestTokens.OPERATOR))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            return JSON.readTree(send(request, expected));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        }
    }

    private String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
