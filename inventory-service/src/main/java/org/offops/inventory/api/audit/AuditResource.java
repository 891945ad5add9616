package org.offops.inventory.api.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.offops.inventory.domain.audit.AuditEntry;
import org.offops.inventory.domain.audit.AuditFilter;
import org.offops.inventory.domain.audit.AuditPage;
import org.offops.inventory.store.audit.AuditQueries;
import org.offops.platform.api.ApiException;

/** The audit journal for viewers: filtered newest-first pages, single events and whole correlation chains. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** A chain longer than this is cut (and says so); a release to every flavor is a few hundred events at most. */
    static final int MAX_CHAIN = 10_000;

    /** A correlation chain, oldest first; {@code truncated} when it had more than {@link #MAX_CHAIN} events. */
    public record Chain(String correlationId, List<AuditEntry> events, boolean truncated) {
    }

    private final AuditQueries queries;

    public AuditResource(AuditQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/events")
    public AuditPage events(@QueryParam("subject") String subject, @QueryParam("type") String type,
                            @QueryParam("correlationId") String correlationId, @QueryParam("actor") String actor,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        AuditFilter filter = AuditParams.filter(subject, type, correlationId, actor, from, to);
        return queries.page(filter, AuditParams.cursor(cursor), AuditParams.limit(limit));
    }

    @GET
    @Path("/events/{id}")
    public AuditEntry event(@PathParam("id") String id) {
        return queries.byId(AuditParams.id(id)).orElseThrow(() -> ApiException.notFound("no audit event " + id));
    }

    @GET
    @Path("/chains/{correlationId}")
    public Chain chain(@PathParam("correlationId") String correlationId) {
        String wanted = AuditParams.text(correlationId, "correlationId");
        List<AuditEntry> events = queries.chain(wanted, MAX_CHAIN + 1);
        if (events.isEmpty()) {
            throw ApiException.notFound("no audit events with correlation id " + correlationId);
        }
        boolean truncated = events.size() > MAX_CHAIN;
        return new Chain(wanted, truncated ? events.subList(0, MAX_CHAIN) : events, truncated);
    }
}
