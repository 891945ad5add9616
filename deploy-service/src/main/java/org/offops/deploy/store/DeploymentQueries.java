package org.offops.deploy.store;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads deployments for the API: filtered pages, and one deployment with its steps. */
@ApplicationScoped
public class DeploymentQueries {

    /** A page of deployments, newest first, and how many match in all. */
    public record Found(List<DeploymentRow> rows, long total) {
    }

    /** Filters; null means any. {@code release} matches the tag or the ReleasePublished event id. */
    public record Filter(String flavor, String container, String state, String release) {
    }

    @Transactional
    public Found list(Filter filter, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.flavor() != null) {
            where.add("flavor = :flavor");
            params.and("flavor", filter.flavor());
        }
        if (filter.container() != null) {
            where.add("container = :container");
            params.and("container", filter.container());
        }
        if (filter.state() != null) {
            where.add("state = :state");
            params.and("state", filter.state());
        }
        if (filter.release() != null) {
            where.add("(tag = :release or correlationId = :release)");
            params.and("release", filter.release());
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        PanacheQuery<DeploymentRow> found = DeploymentRow.find(query, Sort.descending("createdAt")
                .and("container"), params);
        long total = found.count();
        List<DeploymentRow> rows = found.range(offset, offset + limit - 1).list();
        return new Found(rows, total);
    }

    @Transactional
    public Optional<DeploymentRow> find(UUID id) {
        return DeploymentRow.findByIdOptional(id);
    }

    /** Deploy steps, then rollback steps, each in order. */
    @Transactional
    public List<StepRow> steps(UUID id) {
        return StepRow.list("deploymentId = ?1 order by phase desc, seq", id);
    }

    /** The container's newest deployment that ran (not queued, not superseded). */
    @Transactional
    public Optional<DeploymentRow> latestRun(String container) {
        return DeploymentRow.<DeploymentRow>find("container = ?1 and state not in ?2", Sort.descending("createdAt"),
                container, List.of("QUEUED", "SUPERSEDED")).page(Page.ofSize(1)).firstResultOptional();
    }
}
