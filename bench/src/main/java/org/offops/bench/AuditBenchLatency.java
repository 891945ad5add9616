package org.offops.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Times GET /audit/events for one filter shape, one client, sequential requests over keep-alive HTTP/1.1. */
final class AuditBenchLatency {

    /** A stored row's filter values, so every timed query asks for something that exists. */
    record Sample(String subject, String type, String correlationId) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private AuditBenchLatency() {
    }

    static List<Sample> samples(String url, String user, String password, int count) throws SQLException {
        List<Sample> samples = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select subject, type, correlation_id from (select * from"
                     + " inventory.audit_event tablesample bernoulli (2)) sample order by random() limit " + count)) {
            while (r.next()) {
                samples.add(new Sample(r.getString(1), r.getString(2), r.getString(3)));
            }
        }
        return samples;
    }

    /** Returns the sorted latencies in milliseconds of {@code requests} calls, after {@code warmUp} untimed ones. */
    static double[] time(String base, String token, List<Sample> samples, Function<Sample, String> query,
                         int warmUp, int requests) throws Exception {
        double[] millis = new double[requests];
        for (int i = -warmUp; i < requests; i++) {
            Sample sample = samples.get(Math.floorMod(i, samples.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/audit/events?limit=50&" + query.apply(sample)))
                    .header("Authorization", "Bearer " + token).build();
            long start = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200 || !response.body().contains("\"id\"")) {
                throw new IllegalStateException("query answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                millis[i] = took / 1e6;
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
