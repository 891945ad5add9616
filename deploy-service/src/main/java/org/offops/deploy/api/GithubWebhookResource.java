package org.offops.deploy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.offops.deploy.domain.GithubRelease;
import org.offops.deploy.domain.WebhookConfig;
import org.offops.deploy.domain.WebhookConfig.Repository;
import org.offops.deploy.store.Recorded;
import org.offops.deploy.store.ReleaseIntake;
import org.offops.platform.api.ApiException;
import org.offops.platform.auth.PublicEndpoint;
import org.offops.remote.InvalidNameException;
import org.offops.remote.Names;

/** GitHub's webhook: a signed, published release is remembered and announced as ReleasePublished (202). */
@Path("/webhooks/github")
@PublicEndpoint
public class GithubWebhookResource {

    private static final Logger LOG = Logger.getLogger(GithubWebhookResource.class);

    private final WebhookAuthenticator authenticator;
    private final ReleaseIntake intake;
    private final WebhookConfig config;
    private final ObjectMapper mapper;

    public GithubWebhookResource(WebhookAuthenticator authenticator, ReleaseIntake intake, WebhookConfig config,
                                 ObjectMapper mapper) {
        this.authenticator = authenticator;
        this.intake = intake;
        this.config = config;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam("X-GitHub-Event") String event,
                            @HeaderParam("X-GitHub-Delivery") String delivery,
                            @HeaderParam(WebhookAuthenticator.SIGNATURE_HEADER) String signature, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        JsonNode root = parse(raw);
        Repository repository = authenticator.authenticate(root, raw, signature);
        if (repository == null) {
            throw ApiException.badRequest("the request body is not valid JSON", null);
        }
        if ("ping".equals(event)) {
            return answer(200, delivery, null, WebhookResponse.PONG);
        }
        if (!"release".equals(event)) {
            return answer(202, delivery, null, WebhookResponse.IGNORED);
        }
        UUID deliveryId = deliveryId(delivery);
        GithubRelease release = GithubRelease.from(root, config.assetName());
        if (!release.published()) {
            return answer(202, delivery, null, WebhookResponse.IGNORED);
        }
        try {
            Names.gitTag(release.tag());
        } catch (InvalidNameException e) {
            throw ApiException.unprocessable(e.getMessage(), "release.tag_name");
        }
        if (!release.deployable(config.deployPrereleases())) {
            Recorded ignored = intake.ignore(deliveryId, repository.name(), release);
            return answer(202, delivery, ignored.eventId(), WebhookResponse.IGNORED);
        }
        Recorded recorded = intake.accept(deliveryId, repository.name(), release, repository.flavors());
        LOG.infof("GitHub release %s@%s (delivery %s): %s", repository.name(), release.tag(), deliveryId,
                recorded.duplicate() ? "redelivery, nothing published" : "ReleasePublished " + recorded.eventId());
        return answer(202, delivery, recorded.eventId(),
                recorded.duplicate() ? WebhookResponse.DUPLICATE : WebhookResponse.ACCEPTED);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode root = mapper.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static UUID deliveryId(String delivery) {
        try {
            UUID id = UUID.fromString(delivery == null ? "" : delivery.trim());
            if (id.toString().equalsIgnoreCase(delivery.trim())) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiException.badRequest("X-GitHub-Delivery must be the delivery's UUID", "X-GitHub-Delivery");
    }

    private static Response answer(int status, String delivery, String eventId, String outcome) {
        return Response.status(status).entity(new WebhookResponse(delivery, eventId, outcome)).build();
    }
}
