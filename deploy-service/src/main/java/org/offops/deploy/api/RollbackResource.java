package org.offops.deploy.api;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.offops.deploy.domain.DeploymentState;
import org.offops.deploy.domain.StepKind;
import org.offops.deploy.domain.plan.ContainerFacts;
import org.offops.deploy.domain.plan.Plan;
import org.offops.deploy.exec.Dispatcher;
import org.offops.deploy.exec.RollbackRunner;
import org.offops.deploy.store.DeploymentQueries;
import org.offops.deploy.store.DeploymentRow;
import org.offops.deploy.store.FleetFacts;
import org.offops.deploy.store.OperatorDeployments;
import org.offops.deploy.store.StepStates;
import org.offops.platform.api.ApiException;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/** An operator puts a container back on the release its latest deployment replaced. */
@Path("/deployments/{id}/rollback")
@Produces(MediaType.APPLICATION_JSON)
public class RollbackResource {

    private final DeploymentQueries queries;
    private final FleetFacts fleet;
    private final RollbackRunner rollbacks;
    private final OperatorDeployments operator;
    private final Dispatcher dispatcher;
    private final Caller caller;

    public RollbackResource(DeploymentQueries queries, FleetFacts fleet, RollbackRunner rollbacks,
                            OperatorDeployments operator, Dispatcher dispatcher, Caller caller) {
        this.queries = queries;
        this.fleet = fleet;
        this.rollbacks = rollbacks;
        this.operator = operator;
        this.dispatcher = dispatcher;
        this.caller = caller;
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    public Response rollback(@PathParam("id") String id, @QueryParam("dryRun") boolean dryRun) {
        UUID uuid = DeploymentsResource.parse(id);
        DeploymentRow row = queries.find(uuid).orElseThrow(() -> ApiException.notFound("no deployment " + id));
        if (!DeploymentState.valueOf(row.state).canMoveTo(DeploymentState.ROLLING_BACK)) {
            throw ApiException.conflict("a " + row.state + " deployment cannot be rolled back", "state");
        }
        if (queries.latestRun(row.container).filter(latest -> latest.id.equals(uuid)).isEmpty()) {
            throw ApiException.conflict("only the latest deployment of " + row.container + " can be rolled back", "id");
        }
        if (queries.steps(uuid).stream().noneMatch(s -> "deploy".equals(s.phase)
                && StepKind.valueOf(s.kind).changesContainer() && !StepStates.PENDING.equals(s.state))) {
            throw ApiException.conflict("nothing to roll back: the deployment changed nothing on " + row.container,
                    "id");
        }
        ContainerFacts container = fleet.container(row.container).orElseThrow(() -> ApiException.unprocessable(
                "container " + row.container + " is no longer in the fleet view", "id"));
        Plan plan = rollbacks.plan(row, container);
        if (plan == null) {
            throw ApiException.conflict("the release " + row.container + " ran before is unknown", "id");
        }
        if (dryRun) {
            return Response.ok(plan).build();
        }
        try {
            operator.rollback(uuid, plan, caller.actor());
        } catch (PersistenceException e) {
            throw ApiException.conflict(row.container + " is busy with another deployment, or this one changed", "id");
        }
        dispatcher.wake();
        return Response.accepted(DeploymentView.of(queries.find(uuid).orElseThrow())).build();
    }
}
