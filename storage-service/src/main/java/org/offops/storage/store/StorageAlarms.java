package org.offops.storage.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.offops.events.storage.StorageAlarmRaised;
import org.offops.platform.outbox.Outbox;

/** Alarm state per (alarm, subject): StorageAlarmRaised once when a value crosses its threshold, again only after it
 * went back under it. */
@ApplicationScoped
public class StorageAlarms {

    public static final String LAG = "replication-lag";
    public static final String COUNT = "snapshot-count";
    private final EntityManager em;
    private final Outbox outbox;

    public StorageAlarms(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** Records the current value; returns true when this call raised the alarm (and published its event). */
    @Transactional
    public boolean observe(String alarm, String server, String dataset, boolean over, long value, long threshold) {
        String subject = server + ":" + dataset;
        List<?> before = em.createNativeQuery("select raised from storage_alarm where alarm = ?1 and subject = ?2"
                + " for update").setParameter(1, alarm).setParameter(2, subject).getResultList();
        boolean wasRaised = !before.isEmpty() && Boolean.TRUE.equals(before.get(0));
        em.createNativeQuery("insert into storage_alarm (alarm, subject, raised, value, threshold) values"
                        + " (?1, ?2, ?3, ?4, ?5) on conflict (alarm, subject) do update set raised = excluded.raised,"
                        + " value = excluded.value, threshold = excluded.threshold, updated_at = now()")
                .setParameter(1, alarm).setParameter(2, subject).setParameter(3, over).setParameter(4, value)
                .setParameter(5, threshold).executeUpdate();
        if (over && !wasRaised) {
            outbox.publish("dataset/" + subject, null, "storage-service", new StorageAlarmRaised(alarm, server,
                    dataset, value, threshold));
            return true;
        }
        return false;
    }
}
