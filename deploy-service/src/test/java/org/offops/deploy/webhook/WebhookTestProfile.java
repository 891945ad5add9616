package org.offops.deploy.webhook;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Supplies the webhook secret of the Product Opener repository for tests (production has none by default). */
public class WebhookTestProfile implements QuarkusTestProfile {

    static final String SECRET = "test-webhook-secret-not-for-production";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("offops.deploy.repositories.product-opener.secret", SECRET);
    }
}
