package org.offops.network.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.offops.network.domain.Link;
import org.offops.platform.api.ApiException;

/** Reads the stored links: definitions for rendering, records (status, identity) for the API. */
@ApplicationScoped
public class LinkQueries {

    @Transactional
    public List<Link> all() {
        return LinkEntity.<LinkEntity>listAll().stream().map(LinkEntity::toLink)
                .sorted(Comparator.comparing(Link::name)).toList();
    }

    @Transactional
    public List<LinkRecord> records() {
        return LinkEntity.<LinkEntity>listAll().stream().sorted(Comparator.comparing(e -> e.name))
                .map(LinkQueries::record).toList();
    }

    @Transactional
    public Optional<LinkRecord> find(String name) {
        return LinkEntity.<LinkEntity>findByIdOptional(name).map(LinkQueries::record);
    }

    /** The link or a 404. */
    public LinkRecord existing(String name) {
        return find(name).orElseThrow(() -> ApiException.notFound("no link " + name));
    }

    static LinkEntity entity(String name) {
        return LinkEntity.<LinkEntity>findByIdOptional(name)
                .orElseThrow(() -> ApiException.notFound("no link " + name));
    }

    private static LinkRecord record(LinkEntity e) {
        String identity = PskEntity.<PskEntity>find("linkName = ?1 and state = 'active'", e.name).firstResultOptional()
                .map(k -> k.identity).orElse(null);
        return new LinkRecord(e.toLink(), e.status, e.statusDetail, e.configCommit, e.lastCheck, e.version, identity);
    }
}
