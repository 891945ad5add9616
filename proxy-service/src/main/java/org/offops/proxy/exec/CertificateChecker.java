package org.offops.proxy.exec;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.offops.proxy.domain.CertificateExpiry;
import org.offops.proxy.domain.Site;
import org.offops.proxy.store.CertificateAlarms;
import org.offops.proxy.store.ProxyStore;
import org.offops.platform.api.ApiException;

/** Reads each site's certificate on its host and alarms the configured number of days before it expires. */
@ApplicationScoped
public class CertificateChecker {

    private static final Logger LOG = Logger.getLogger(CertificateChecker.class);

    private final ProxyStore store;
    private final ProxyHosts hosts;
    private final RemoteProxy remote;
    private final CertificateAlarms alarms;
    private final ProxySettings settings;

    public CertificateChecker(ProxyStore store, ProxyHosts hosts, RemoteProxy remote, CertificateAlarms alarms,
                              ProxySettings settings) {
        this.store = store;
        this.hosts = hosts;
        this.remote = remote;
        this.alarms = alarms;
        this.settings = settings;
    }

    public CertificateExpiry check(Site site, String actor) {
        if (site.tls() == null) {
            throw ApiException.unprocessable("site " + site.id() + " has no certificate", "tls");
        }
        byte[] pem = remote.readBytes(hosts.target(site.host()).remote(), site.tls().certificate());
        if (pem == null) {
            throw ApiException.unprocessable("certificate " + site.tls().certificate() + " is absent on "
                    + site.host(), "tls.certificate");
        }
        CertificateExpiry expiry;
        try {
            expiry = CertificateExpiry.of(site.id(), site.primaryDomain(), pem, Instant.now(),
                    settings.certificateWarningDays());
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(site.tls().certificate() + " on " + site.host() + ": " + e.getMessage(),
                    "tls.certificate");
        }
        if (expiry.expiring()) {
            alarms.raise(expiry, actor);
        }
        return expiry;
    }

    @Scheduled(every = "${offops.proxy.certificate-check.every:12h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        for (Site site : store.desired().sites()) {
            if (site.tls() == null) {
                continue;
            }
            try {
                check(site, "scheduler");
            } catch (RuntimeException e) {
                LOG.warnf("certificate check of site %s failed: %s", site.id(), e.getMessage());
            }
        }
    }
}
