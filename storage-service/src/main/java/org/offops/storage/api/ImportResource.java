package org.offops.storage.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.offops.platform.api.ApiException;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;
import org.offops.remote.InvalidNameException;
import org.offops.remote.Names;
import org.offops.storage.domain.sanoid.PolicyResolver;
import org.offops.storage.domain.sanoid.SanoidConfException;
import org.offops.storage.domain.sanoid.SanoidConfParser;
import org.offops.storage.domain.sanoid.SanoidImport;
import org.offops.storage.domain.snapshot.SnapshotPolicy;
import org.offops.storage.domain.syncoid.SyncoidArgsParser;
import org.offops.storage.domain.syncoid.SyncoidImport;
import org.offops.storage.domain.syncoid.SyncoidLine;
import org.offops.storage.store.CatalogImport;

/**
 * Reads a production sanoid.conf or syncoid-args.conf and shows what it means and what is ambiguous in it; with a
 * server in the path, applies it to that server's model (refused while ambiguous), recorded in git like any change.
 */
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.TEXT_PLAIN)
public class ImportResource {

    private final CatalogImport imports;

    public ImportResource(CatalogImport imports) {
        this.imports = imports;
    }

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

    /** Applies a server's sanoid.conf: policies by value, datasets registered or re-pointed; one change. */
    @POST
    @Path("/sanoid/{server}")
    @RequiresRole(Role.OPERATOR)
    public Planned<SanoidAnalysis> applySanoid(@PathParam("server") String server, String text,
                                               @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        SanoidAnalysis analysis = sanoid(text);
        refuseAmbiguous(analysis.ambiguities());
        var plan = imports.sanoid(server(server), SanoidConfParser.parse(text == null ? "" : text).conf(), dryRun);
        return new Planned<>(dryRun, plan.steps(), analysis);
    }

    /** Applies a server's syncoid-args.conf: each pull line becomes a validated route into that server; one change. */
    @POST
    @Path("/syncoid/{server}")
    @RequiresRole(Role.OPERATOR)
    public Planned<SyncoidAnalysis> applySyncoid(@PathParam("server") String server, String text,
                                                 @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        SyncoidAnalysis analysis = syncoid(text);
        refuseAmbiguous(analysis.ambiguities());
        var plan = imports.syncoid(server(server), SyncoidArgsParser.parse(text == null ? "" : text).args(),
                dryRun);
        return new Planned<>(dryRun, plan.steps(), analysis);
    }

    private static void refuseAmbiguous(List<String> ambiguities) {
        if (!ambiguities.isEmpty()) {
            throw ApiException.unprocessable("the file is ambiguous, nothing imported (POST /imports/sanoid or"
                    + " /imports/syncoid shows the analysis): " + String.join("; ", ambiguities), "body");
        }
    }

    private static String server(String server) {
        try {
            return Names.hostName(server);
        } catch (InvalidNameException e) {
            throw ApiException.badRequest(e.getMessage(), "server");
        }
    }

    private static SyncoidRoute route(SyncoidLine l) {
        return new SyncoidRoute(l.line(), l.direction().name(), l.source().format(), l.target().format(), l.options());
    }
}
