package org.offops.network.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.offops.network.domain.Link;
import org.offops.network.domain.Psk;
import org.offops.network.domain.PskGenerator;
import org.offops.network.store.LinkKeys;
import org.offops.remote.RemoteHost;

/**
 * Moves a link to a new key without downtime: the server accepts old and new identities, the client switches to
 * the new one, then the server forgets the old one. The old key is deleted; PskRotated names only the new identity.
 */
@ApplicationScoped
public class PskRotator {

    private static final Logger LOG = Logger.getLogger(PskRotator.class);

    private final LinkKeys keys;
    private final FleetHosts fleet;
    private final StunnelHost stunnel;
    private final PskGenerator generator;

    public PskRotator(LinkKeys keys, FleetHosts fleet, StunnelHost stunnel, PskGenerator generator) {
        this.keys = keys;
        this.fleet = fleet;
        this.stunnel = stunnel;
        this.generator = generator;
    }

    /** The steps a rotation takes, for ?dryRun=true. */
    public static List<String> steps(Link link) {
        return List.of(
                link.server() + ": " + link.pskPath() + " holds the old and a new identity:key, reload",
                link.client() + ": " + link.pskPath() + " holds only the new identity:key, reload",
                link.server() + ": " + link.pskPath() + " holds only the new identity:key, reload",
                "delete the old key; PskRotated with the new identity");
    }

    /** Returns the new identity; on a failure both ends are put back on the old key alone and the new one dropped. */
    public String rotate(Link link, String actor) {
        Psk old = keys.keys(link.name()).get(0);
        Psk next = generator.next(link.name());
        keys.addNextKey(link.name(), next);
        RemoteHost server = fleet.remote(link.server());
        RemoteHost client = fleet.remote(link.client());
        try {
            switchTo(server, link, List.of(old, next));
            switchTo(client, link, List.of(next));
        } catch (RuntimeException e) {
            // the server still accepts the old key: each end goes back to it on its own, so an unreachable client
            // (which then still holds the old key) does not keep the server on two keys
            keys.dropNextKey(link.name());
            backTo(client, link, old, e);
            backTo(server, link, old, e);
            throw e;
        }
        switchTo(server, link, List.of(next));
        keys.promoteNextKey(link.name(), actor, UUID.randomUUID().toString());
        return next.identity();
    }

    private void backTo(RemoteHost host, Link link, Psk old, RuntimeException failure) {
        try {
            switchTo(host, link, List.of(old));
        } catch (RuntimeException e) {
            LOG.warnf("putting %s back on the old key of link %s failed: %s", host.name(), link.name(), e.getMessage());
            failure.addSuppressed(e);
        }
    }

    private void switchTo(RemoteHost host, Link link, List<Psk> keys) {
        stunnel.writePsk(host, link.pskPath(), PskGenerator.file(keys));
        stunnel.reload(host);
    }
}
