package org.offops.network.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.offops.events.network.LinkCheckFailed;
import org.offops.events.network.StunnelLinkConfigured;
import org.offops.network.domain.Link;
import org.offops.network.domain.Psk;
import org.offops.platform.api.ApiException;
import org.offops.platform.outbox.Outbox;

/** Changes links and their apply/check status; every change others must learn about goes out through the outbox. */
@ApplicationScoped
public class LinkStore {

    private final Outbox outbox;
    private final LinkKeys keys;

    public LinkStore(Outbox outbox, LinkKeys keys) {
        this.outbox = outbox;
        this.keys = keys;
    }

    @Transactional
    public void create(Link link, Psk psk) {
        if (LinkEntity.findById(link.name()) != null) {
            throw ApiException.conflict("link " + link.name() + " exists", "name");
        }
        LinkEntity entity = new LinkEntity();
        entity.set(link);
        entity.status = "pending";
        entity.createdAt = OffsetDateTime.now();
        entity.persist();
        keys.persist(link.name(), psk, "active");
    }

    @Transactional
    public void update(Link link, long expectedVersion) {
        LinkEntity entity = LinkQueries.entity(link.name());
        if (entity.version != expectedVersion) {
            throw new ApiException(412, "link " + link.name() + " changed since version " + expectedVersion, "If-Match");
        }
        entity.set(link);
        entity.status = "pending";
    }

    @Transactional
    public void delete(String name) {
        PskEntity.delete("linkName", name);
        LinkQueries.entity(name).delete();
    }

    @Transactional
    public void configured(Link link, String commit, String actor, String correlation) {
        LinkEntity entity = LinkQueries.entity(link.name());
        entity.status = "configured";
        entity.statusDetail = null;
        entity.configCommit = commit;
        outbox.publish(subject(link.name()), correlation, actor, new StunnelLinkConfigured(link.name(), link.name(),
                link.client(), link.server(), link.clientAddress() + ":" + link.clientPort(),
                link.server() + ":" + link.serverPort(), link.target() + ":" + link.targetPort(), commit));
    }

    @Transactional
    public void failed(String name, String detail) {
        LinkEntity entity = LinkEntity.findById(name);
        if (entity != null) {
            entity.status = "failed";
            entity.statusDetail = detail;
        }
    }

    @Transactional
    public void checked(String name, String outcome, String error, String logTail, String actor, String correlation) {
        LinkQueries.entity(name).lastCheck = outcome;
        if (error != null) {
            outbox.publish(subject(name), correlation, actor, new LinkCheckFailed(name, name, error, logTail));
        }
    }

    static String subject(String name) {
        return "link/" + name;
    }
}
