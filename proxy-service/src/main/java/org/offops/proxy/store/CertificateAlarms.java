package org.offops.proxy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.offops.events.proxy.CertificateExpiring;
import org.offops.proxy.domain.CertificateExpiry;
import org.offops.platform.outbox.Outbox;

/** Raises CertificateExpiring once per certificate (site + expiry date), together with the memory of having done so. */
@ApplicationScoped
public class CertificateAlarms {

    private final Outbox outbox;

    public CertificateAlarms(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Returns true when the alarm was raised now, false when this certificate had already raised it. */
    @Transactional
    public boolean raise(CertificateExpiry expiry, String actor) {
        String id = expiry.site() + "@" + expiry.notAfter().toInstant();
        if (CertificateAlarmEntity.findById(id) != null) {
            return false;
        }
        CertificateAlarmEntity alarm = new CertificateAlarmEntity();
        alarm.id = id;
        alarm.site = expiry.site();
        alarm.notAfter = expiry.notAfter();
        alarm.raisedAt = OffsetDateTime.now();
        alarm.persist();
        outbox.publish("site/" + expiry.site(), null, actor, new CertificateExpiring(expiry.site(), expiry.domain(),
                expiry.notAfter(), expiry.daysLeft()));
        return true;
    }
}
