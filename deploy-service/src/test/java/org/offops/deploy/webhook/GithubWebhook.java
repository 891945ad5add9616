package org.offops.deploy.webhook;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.offops.deploy.domain.Signature;

/** Builds GitHub webhook payloads, signs them as GitHub does and counts what the service recorded. */
final class GithubWebhook {

    static final String REPOSITORY = "openfoodfacts/openfoodfacts-server";
    static final ObjectMapper JSON = new ObjectMapper();

    private GithubWebhook() {
    }

    static String uniqueTag() {
        return "v3." + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A {@code release} payload as GitHub sends it, with the frontend asset and another one. */
    static ObjectNode release(String repository, String action, String tag, boolean draft, boolean prerelease) {
        ObjectNode root = JSON.createObjectNode().put("action", action);
        ObjectNode release = root.putObject("release").put("tag_name", tag).put("name", "Release " + tag)
                .put("draft", draft).put("prerelease", prerelease);
        release.putObject("author").put("login", "stephanegigandet");
        release.putArray("assets")
                .add(JSON.createObjectNode().put("name", "checksums.txt").put("browser_download_url", assetUrl(tag, "checksums.txt")))
                .add(JSON.createObjectNode().put("name", "frontend-dist.tgz").put("browser_download_url", assetUrl(tag, "frontend-dist.tgz")));
        root.putObject("repository").put("full_name", repository);
        root.putObject("sender").put("login", "release-bot");
        return root;
    }

    static String assetUrl(String tag, String name) {
        return "https://github.com/" + REPOSITORY + "/releases/download/" + tag + "/" + name;
    }

    static byte[] bytes(ObjectNode payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts {@code body} with the given headers; a null signature or delivery header is left out. */
    static ValidatableResponse post(String event, String delivery, String signature, byte[] body) {
        var request = given().contentType("application/json").header("X-GitHub-Event", event).body(body);
        if (delivery != null) {
            request.header("X-GitHub-Delivery", delivery);
        }
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return request.when().post("/webhooks/github").then();
    }

    /** Posts {@code body} signed with the test secret. */
    static ValidatableResponse signed(String event, String delivery, byte[] body) {
        return post(event, delivery, Signature.sign(WebhookTestProfile.SECRET, body), body);
    }

    static ValidatableResponse signed(String event, String delivery, String body) {
        return signed(event, delivery, body.getBytes(StandardCharsets.UTF_8));
    }

    static long outboxRows(DataSource db, String subject) {
        return count(db, "select count(*) from outbox_event where aggregate_key = ?", subject);
    }

    static long deliveryRows(DataSource db, String deliveryId) {
        return count(db, "select count(*) from webhook_delivery where cast(delivery_id as varchar) = ?", deliveryId);
    }

    static long count(DataSource db, String sql, String parameter) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, parameter);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
