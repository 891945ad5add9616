package org.offops.network.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.offops.events.network.PskRotated;
import org.offops.network.domain.Psk;
import org.offops.platform.api.ApiException;
import org.offops.platform.outbox.Outbox;

/** A link's sealed keys: the active one, and during a rotation the next one; PskRotated names only the identity. */
@ApplicationScoped
public class LinkKeys {

    private final Outbox outbox;
    private final PskVault vault;

    public LinkKeys(Outbox outbox, PskVault vault) {
        this.outbox = outbox;
        this.vault = vault;
    }

    /** The link's keys, the active one first (the one a client presents), then a key being rolled out. */
    @Transactional
    public List<Psk> keys(String name) {
        return PskEntity.<PskEntity>list("linkName", name).stream()
                .sorted(Comparator.comparing(k -> "active".equals(k.state) ? 0 : 1))
                .map(k -> vault.open(name, k.identity, k.sealed)).toList();
    }

    @Transactional
    public void addNextKey(String name, Psk psk) {
        PskEntity.delete("linkName = ?1 and state = 'next'", name);
        persist(name, psk, "next");
    }

    @Transactional
    public void dropNextKey(String name) {
        PskEntity.delete("linkName = ?1 and state = 'next'", name);
    }

    /** The rolled-out key becomes the only one; the old key is deleted for good. */
    @Transactional
    public void promoteNextKey(String name, String actor, String correlation) {
        PskEntity next = PskEntity.<PskEntity>find("linkName = ?1 and state = 'next'", name).firstResultOptional()
                .orElseThrow(() -> ApiException.conflict("link " + name + " has no key being rolled out", "name"));
        PskEntity.delete("linkName = ?1 and state = 'active'", name);
        PskEntity.getEntityManager().flush();
        next.state = "active";
        outbox.publish(LinkStore.subject(name), correlation, actor, new PskRotated(name, name, next.identity));
    }

    /** Inside the caller's transaction (a new link and its first key are one change). */
    void persist(String name, Psk psk, String state) {
        PskEntity key = new PskEntity();
        key.linkName = name;
        key.identity = psk.identity();
        key.sealed = vault.seal(name, psk);
        key.state = state;
        key.createdAt = OffsetDateTime.now();
        key.persist();
    }
}
