package org.offops.proxy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.offops.events.proxy.BanAdded;
import org.offops.events.proxy.BanRemoved;
import org.offops.platform.outbox.Outbox;

/** Remembers who banned which address, with BanAdded/BanRemoved in the same transaction. */
@ApplicationScoped
public class BanRecorder {

    private final Outbox outbox;

    public BanRecorder(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public void banned(String ip, String jail, String actor) {
        ManualBanEntity ban = ManualBanEntity.<ManualBanEntity>findByIdOptional(ip).orElseGet(ManualBanEntity::new);
        ban.ip = ip;
        ban.jail = jail;
        ban.actor = actor;
        ban.createdAt = OffsetDateTime.now();
        ban.persist();
        outbox.publish("ban/" + ip, null, actor, new BanAdded(jail, ip));
    }

    @Transactional
    public void lifted(String ip, String jail, String actor) {
        ManualBanEntity.deleteById(ip);
        outbox.publish("ban/" + ip, null, actor, new BanRemoved(jail, ip));
    }

    @Transactional
    public Optional<String> jailOf(String ip) {
        return ManualBanEntity.<ManualBanEntity>findByIdOptional(ip).map(b -> b.jail);
    }
}
