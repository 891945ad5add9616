package org.offops.deploy.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.offops.deploy.domain.DeploymentState;
import org.offops.deploy.domain.plan.ContainerFacts;
import org.offops.deploy.domain.plan.Plan;
import org.offops.deploy.domain.plan.Release;
import org.offops.deploy.store.DeploymentQueries;
import org.offops.deploy.store.DeploymentRequests;
import org.offops.deploy.store.OperatorDeployments;
import org.offops.platform.api.ApiException;
import org.offops.platform.api.Paging;
import org.offops.platform.api.Versions;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/** Deployments: request one (or its plan), list them, read one with its step timeline. */
@Path("/deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentsResource {

    private final DeploymentTargets targets;
    private final DeploymentRequests requests;
    private final OperatorDeployments operator;
    private final DeploymentQueries queries;
    private final Caller caller;

    public DeploymentsResource(DeploymentTargets targets, DeploymentRequests requests, OperatorDeployments operator,
                               DeploymentQueries queries, Caller caller) {
        this.targets = targets;
        this.requests = requests;
        this.operator = operator;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.OPERATOR)
    public Response deploy(DeployRequest request, @QueryParam("dryRun") boolean dryRun) {
        List<ContainerFacts> containers = targets.resolve(request);
        Release release = new Release(request.tag(), targets.assetUrl(containers.get(0).flavor(), request.tag()));
        if (dryRun) {
            List<Plan> plans = containers.stream().map(c -> requests.plan(c, release)).toList();
            return Response.ok(new PlannedDeployments(true, plans, List.of())).build();
        }
        List<DeploymentView> queued = operator.queue(containers, release, caller.actor()).stream()
                .map(DeploymentView::of).toList();
        return Response.accepted(new PlannedDeployments(false, List.of(), queued)).build();
    }

    @GET
    public DeploymentPage list(@QueryParam("flavor") String flavor, @QueryParam("container") String container,
                               @QueryParam("state") String state, @QueryParam("release") String release,
                               @QueryParam("offset") @DefaultValue("0") int offset,
                               @QueryParam("limit") @DefaultValue("50") int limit) {
        Paging paging = Paging.of(offset, limit);
        if (state != null) {
            try {
                DeploymentState.valueOf(state);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("unknown state " + state, "state");
            }
        }
        DeploymentQueries.Found found = queries.list(new DeploymentQueries.Filter(flavor, container, state, release),
                paging.offset(), paging.limit());
        return new DeploymentPage(found.rows().stream().map(DeploymentView::of).toList(), paging.offset(),
                paging.limit(), found.total());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        DeploymentDetail detail = detail(queries, id);
        return Response.ok(detail).tag(Versions.etag(detail.deployment().version())).build();
    }

    static DeploymentDetail detail(DeploymentQueries queries, String id) {
        UUID uuid = parse(id);
        return queries.find(uuid).map(row -> new DeploymentDetail(DeploymentView.of(row),
                        queries.steps(uuid).stream().map(StepView::of).toList()))
                .orElseThrow(() -> ApiException.notFound("no deployment " + id));
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no deployment " + id);
        }
    }
}
