package org.offops.inventory.api.audit;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import org.offops.inventory.domain.audit.AuditEntry;
import org.offops.inventory.domain.audit.AuditFilter;
import org.offops.inventory.messaging.audit.AuditTail;

/**
 * Live tail of the journal as server-sent events ({@code event: audit}, {@code id:} the entry's seq, JSON data),
 * filtered like the list; new events only, each sent as soon as the batch holding it has committed.
 */
@Path("/audit/stream")
public class AuditStreamResource {

    /** A comment line this often keeps proxies (NGINX closes idle upstreams after 60 s) from cutting a quiet tail. */
    static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private final AuditTail tail;

    public AuditStreamResource(AuditTail tail) {
        this.tail = tail;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse, @QueryParam("subject") String subject,
                                          @QueryParam("type") String type,
                                          @QueryParam("correlationId") String correlationId,
                                          @QueryParam("actor") String actor) {
        AuditFilter filter = AuditParams.filter(subject, type, correlationId, actor, null, null);
        Multi<OutboundSseEvent> events = tail.follow(filter).map(entry -> sse.newEventBuilder().name("audit")
                .id(Long.toString(entry.seq())).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(AuditEntry.class, entry).build());
        // The events stream subscribes to the tail first, so a client that has read "tail open" misses nothing after.
        Multi<OutboundSseEvent> opened = Multi.createFrom().item(() -> sse.newEventBuilder().comment("tail open").build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(events, opened, heartbeats);
    }
}
