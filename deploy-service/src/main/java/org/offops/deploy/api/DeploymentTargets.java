package org.offops.deploy.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.offops.deploy.domain.DeployConfig;
import org.offops.deploy.domain.WebhookConfig;
import org.offops.deploy.domain.plan.ContainerFacts;
import org.offops.deploy.store.DeploymentRequests;
import org.offops.deploy.store.FleetFacts;
import org.offops.platform.api.ApiException;
import org.offops.remote.InvalidNameException;
import org.offops.remote.Names;

/** Validates an operator's request and resolves its containers and the release asset's URL. */
@ApplicationScoped
public class DeploymentTargets {

    private final DeployConfig config;
    private final WebhookConfig repositories;
    private final FleetFacts fleet;
    private final DeploymentRequests requests;

    public DeploymentTargets(DeployConfig config, WebhookConfig repositories, FleetFacts fleet,
                             DeploymentRequests requests) {
        this.config = config;
        this.repositories = repositories;
        this.fleet = fleet;
        this.requests = requests;
    }

    List<ContainerFacts> resolve(DeployRequest request) {
        if (request == null || (request.flavor() == null) == (request.container() == null)) {
            throw ApiException.badRequest("give exactly one of flavor and container", "flavor");
        }
        try {
            Names.gitTag(request.tag());
        } catch (InvalidNameException e) {
            throw ApiException.unprocessable(e.getMessage(), "tag");
        }
        if (request.container() != null) {
            ContainerFacts container = fleet.container(request.container()).orElseThrow(() ->
                    ApiException.unprocessable("no app container " + request.container() + " in the fleet view",
                            "container"));
            if (config.settings(container.flavor()).isEmpty()) {
                throw ApiException.unprocessable("flavor " + container.flavor() + " has no deployment settings",
                        "container");
            }
            return List.of(container);
        }
        if (config.settings(request.flavor()).isEmpty()) {
            throw ApiException.unprocessable("flavor " + request.flavor() + " has no deployment settings", "flavor");
        }
        List<ContainerFacts> targets = requests.targets(List.of(request.flavor()));
        if (targets.isEmpty()) {
            throw ApiException.unprocessable("the fleet view has no app container of flavor " + request.flavor(),
                    "flavor");
        }
        return targets;
    }

    /** GitHub's download URL of the release asset, from the repository that deploys this flavor. */
    String assetUrl(String flavor, String tag) {
        return repositories.repositories().values().stream().filter(r -> r.flavors().contains(flavor)).findFirst()
                .map(r -> config.assetBaseUrl() + r.name() + "/releases/download/" + tag + "/"
                        + repositories.assetName())
                .orElse(null);
    }
}
