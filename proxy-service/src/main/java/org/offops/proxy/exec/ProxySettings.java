package org.offops.proxy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.offops.proxy.domain.ListenMode;
import org.offops.proxy.domain.RenderSettings;

/** The deployment-dependent settings of rendering and applying, from {@code offops.proxy.*}. */
@ApplicationScoped
public class ProxySettings {

    /** Which address of a container the proxy forwards to. */
    public enum UpstreamAddress {
        /** The container's internal address (10.1.0.x): production, where the proxy is on the same bridge. */
        INTERNAL_IP,
        /** The address offops reaches the container at over SSH: the fleet-in-a-box and the local stack. */
        SSH_HOST
    }

    private final RenderSettings render;
    private final UpstreamAddress upstreamAddress;
    private final int certificateWarningDays;

    public ProxySettings(@ConfigProperty(name = "offops.proxy.listen", defaultValue = "tls") String listen,
                         @ConfigProperty(name = "offops.proxy.upstream-address", defaultValue = "internal-ip")
                         String upstreamAddress,
                         @ConfigProperty(name = "offops.proxy.cache-root", defaultValue = "/dev/shm") String cacheRoot,
                         @ConfigProperty(name = "offops.proxy.error-pages-root",
                                 defaultValue = "/opt/openfoodfacts-infrastructure/html") String errorPages,
                         @ConfigProperty(name = "offops.proxy.ban-action", defaultValue = "nftables[type=multiport]")
                         String banAction,
                         @ConfigProperty(name = "offops.proxy.log-dir", defaultValue = "/var/log/nginx") String logDir,
                         @ConfigProperty(name = "offops.proxy.certificate-warning-days", defaultValue = "21")
                         int certificateWarningDays) {
        this.render = new RenderSettings(ListenMode.parse(listen), cacheRoot, errorPages, banAction, logDir);
        this.upstreamAddress = UpstreamAddress.valueOf(upstreamAddress.strip().toUpperCase().replace('-', '_'));
        this.certificateWarningDays = certificateWarningDays;
    }

    public RenderSettings render() {
        return render;
    }

    public UpstreamAddress upstreamAddress() {
        return upstreamAddress;
    }

    public int certificateWarningDays() {
        return certificateWarningDays;
    }
}
