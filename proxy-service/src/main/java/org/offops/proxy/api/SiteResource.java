package org.offops.proxy.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.offops.proxy.domain.CertificateExpiry;
import org.offops.proxy.domain.ConfigChange;
import org.offops.proxy.domain.FileDrift;
import org.offops.proxy.domain.Site;
import org.offops.proxy.domain.SiteRules;
import org.offops.proxy.exec.CertificateChecker;
import org.offops.proxy.exec.DriftChecker;
import org.offops.proxy.exec.ProxyApplier;
import org.offops.proxy.exec.ProxySettings;
import org.offops.proxy.store.ProxyStore;
import org.offops.platform.api.ApiException;
import org.offops.platform.api.Versions;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/**
 * Sites: viewers read them and check their drift and certificate; operators create and change them (applied to the
 * host at once); admins delete.
 */
@Path("/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SiteResource {

    /** A site's drift: whether any of its files differ from what offops applied, with the diffs. */
    public record DriftReport(String site, String host, boolean drifted, List<FileDrift> files) {
    }

    private final ProxyStore store;
    private final ProxyApplier applier;
    private final ProxySettings settings;
    private final DriftChecker drift;
    private final CertificateChecker certificates;
    private final Caller caller;

    public SiteResource(ProxyStore store, ProxyApplier applier, ProxySettings settings, DriftChecker drift,
                        CertificateChecker certificates, Caller caller) {
        this.store = store;
        this.applier = applier;
        this.settings = settings;
        this.drift = drift;
        this.certificates = certificates;
        this.caller = caller;
    }

    @GET
    public List<Site> list() {
        return store.sites().stream().map(ProxyStore.Versioned::value).toList();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        ProxyStore.Versioned<Site> site = find(id);
        return Response.ok(site.value()).tag(Versions.etag(site.version())).build();
    }

    /** Compares the site's live files with what offops applied; a new drift is also published. */
    @GET
    @Path("/{id}/drift")
    public DriftReport drift(@PathParam("id") String id) {
        Site site = find(id).value();
        List<FileDrift> files = drift.check(site.host(), site.id(), caller.actor());
        return new DriftReport(site.id(), site.host(), !files.isEmpty(), files);
    }

    /** Reads the site's certificate on its host; one expiring within the warning raises the alarm. */
    @GET
    @Path("/{id}/certificate")
    public CertificateExpiry certificate(@PathParam("id") String id) {
        return certificates.check(find(id).value(), caller.actor());
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    public Response create(Site site, @QueryParam("dryRun") boolean dryRun) {
        valid(site);
        ChangeResponse response = change(new ConfigChange.PutSite(site, null), dryRun, site);
        if (dryRun) {
            return Response.ok(response).build();
        }
        return Response.created(URI.create("/sites/" + site.id())).entity(response)
                .tag(Versions.etag(find(site.id()).version())).build();
    }

    @PUT
    @Path("/{id}")
    @RequiresRole(Role.OPERATOR)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Site site,
                           @QueryParam("dryRun") boolean dryRun) {
        long expected = Versions.expected(ifMatch);
        valid(site);
        Checks.requireSame("id", id, site.id());
        if (!find(id).value().host().equals(site.host())) {
            throw ApiException.unprocessable("a site cannot move to another host: delete it and create it there",
                    "host");
        }
        ChangeResponse response = change(new ConfigChange.PutSite(site, expected), dryRun, site);
        return dryRun ? Response.ok(response).build()
                : Response.ok(response).tag(Versions.etag(find(id).version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RequiresRole(Role.ADMIN)
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @QueryParam("dryRun") boolean dryRun) {
        long expected = Versions.expected(ifMatch);
        find(id);
        return Response.ok(change(new ConfigChange.DeleteSite(id, expected), dryRun, id)).build();
    }

    private ChangeResponse change(ConfigChange change, boolean dryRun, Object subject) {
        return new ChangeResponse(dryRun, subject,
                Checks.accepted(applier.change(change, dryRun, caller.actor()), "site"));
    }

    private void valid(Site site) {
        Checks.requireBody(site);
        Checks.valid(SiteRules.check(site, settings.render().listen().tls()));
    }

    private ProxyStore.Versioned<Site> find(String id) {
        return store.site(id).orElseThrow(() -> ApiException.notFound("no site " + id));
    }
}
