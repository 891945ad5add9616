package org.offops.deploy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.offops.deploy.domain.DeployConfig;
import org.offops.deploy.domain.plan.ContainerFacts;
import org.offops.deploy.domain.plan.DeploymentPlanner;
import org.offops.deploy.domain.plan.FlavorSettings;
import org.offops.deploy.domain.plan.Plan;
import org.offops.deploy.domain.plan.Release;

/** Plans a release for target containers and queues the plans (webhook and operator requests alike). */
@ApplicationScoped
public class DeploymentRequests {

    private static final Logger LOG = Logger.getLogger(DeploymentRequests.class);

    private final DeployConfig config;
    private final FleetFacts fleet;
    private final DeploymentQueue queue;

    public DeploymentRequests(DeployConfig config, FleetFacts fleet, DeploymentQueue queue) {
        this.config = config;
        this.fleet = fleet;
        this.queue = queue;
    }

    /** The app containers of these flavors that have deployment settings, in flavor order. */
    public List<ContainerFacts> targets(List<String> flavors) {
        List<ContainerFacts> targets = new ArrayList<>();
        for (String flavor : flavors) {
            if (config.settings(flavor).isEmpty()) {
                LOG.warnf("flavor %s has no offops.deploy.flavors entry: not deployed", flavor);
                continue;
            }
            List<ContainerFacts> containers = fleet.ofFlavor(flavor);
            if (containers.isEmpty()) {
                LOG.warnf("the fleet view has no app container of flavor %s: nothing to deploy there", flavor);
            }
            targets.addAll(containers);
        }
        return targets;
    }

    public Plan plan(ContainerFacts container, Release release) {
        FlavorSettings settings = config.settings(container.flavor()).orElseThrow(() ->
                new IllegalArgumentException("flavor " + container.flavor() + " has no deployment settings"));
        return DeploymentPlanner.deploy(container, settings, release);
    }

    /** Queues one deployment per target, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DeploymentRow> queue(List<ContainerFacts> targets, Release release, NewDeployment origin) {
        List<DeploymentRow> rows = new ArrayList<>();
        for (ContainerFacts target : targets) {
            rows.add(queue.queue(origin, target.server(), plan(target, release)));
        }
        return rows;
    }
}
