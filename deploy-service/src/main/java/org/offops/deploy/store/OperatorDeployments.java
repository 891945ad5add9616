package org.offops.deploy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.offops.deploy.domain.plan.ContainerFacts;
import org.offops.deploy.domain.plan.Plan;
import org.offops.deploy.domain.plan.Release;

/** What operators ask for through the API: deployments outside a webhook, and rollbacks. */
@ApplicationScoped
public class OperatorDeployments {

    private final DeploymentRequests requests;
    private final DeploymentJournal journal;

    public OperatorDeployments(DeploymentRequests requests, DeploymentJournal journal) {
        this.requests = requests;
        this.journal = journal;
    }

    /** Queues the release on the containers; they share a new correlation chain. */
    @Transactional
    public List<DeploymentRow> queue(List<ContainerFacts> targets, Release release, String actor) {
        String correlation = UUID.randomUUID().toString();
        return requests.queue(targets, release, new NewDeployment(null, null, release.assetUrl(), correlation, actor));
    }

    /** Moves the deployment to ROLLING_BACK with this plan; the dispatcher runs it. */
    @Transactional
    public void rollback(UUID id, Plan plan, String actor) {
        DeploymentRow row = DeploymentRow.findById(id);
        if (row.failedStep == null) {
            row.error = "rollback requested by " + actor;
        }
        journal.beginRollback(id, plan);
        DeploymentRow.flush();
    }
}
