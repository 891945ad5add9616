package org.offops.storage.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.offops.platform.api.ApiException;
import org.offops.storage.domain.sanoid.PolicyResolver;
import org.offops.storage.domain.sanoid.SanoidConfException;
import org.offops.storage.domain.sanoid.SanoidConfParser;
import org.offops.storage.domain.sanoid.SanoidImport;
import org.offops.storage.domain.snapshot.SnapshotPolicy;
import org.offops.storage.domain.syncoid.SyncoidArgsParser;
import org.offops.storage.domain.syncoid.SyncoidImport;
import org.offops.storage.domain.syncoid.SyncoidLine;

/** Reads a production sanoid.conf or syncoid-args.conf and shows what it means and what is ambiguous in it. */
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.TEXT_PLAIN)
public class ImportResource {

    /** One section's effective policy as sanoid resolves it. */
    public record SectionPolicy(String section, SnapshotPolicy policy) {
    }

    /** The analysis of a sanoid.conf. */
    public record SanoidAnalysis(List<SectionPolicy> sections, List<String> ambiguities) {
    }

    /** One syncoid line read as a route. */
    public record SyncoidRoute(int line, String direction, String source, String target, List<String> options) {
    }

    /** The analysis of a syncoid-args.conf. */
    public record SyncoidAnalysis(List<SyncoidRoute> routes, List<String> ambiguities) {
    }

    @POST
    @Path("/sanoid")
    public SanoidAnalysis sanoid(String text) {
        try {
            SanoidImport imported = SanoidConfParser.parse(text == null ? "" : text);
            List<SectionPolicy> sections = imported.conf().modules().stream().map(s -> s.name()).distinct()
                    .map(n -> new SectionPolicy(n, PolicyResolver.policyOf(imported.conf(), n))).toList();
            return new SanoidAnalysis(sections, imported.ambiguities());
        } catch (SanoidConfException e) {
            throw ApiException.unprocessable(e.getMessage(), "body");
        }
    }

    @POST
    @Path("/syncoid")
    public SyncoidAnalysis syncoid(String text) {
        try {
            SyncoidImport imported = SyncoidArgsParser.parse(text == null ? "" : text);
            List<SyncoidRoute> routes = imported.args().lines().stream().map(ImportResource::route).toList();
            return new SyncoidAnalysis(routes, imported.ambiguities());
        } catch (SanoidConfException e) {
            throw ApiException.unprocessable(e.getMessage(), "body");
        }
    }

    private static SyncoidRoute route(SyncoidLine l) {
        return new SyncoidRoute(l.line(), l.direction().name(), l.source().format(), l.target().format(), l.options());
    }
}
