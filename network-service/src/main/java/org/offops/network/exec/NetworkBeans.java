package org.offops.network.exec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.offops.network.domain.ConfigRenderer;
import org.offops.network.domain.InternalRanges;
import org.offops.network.domain.LinkPlanner;
import org.offops.network.domain.LinkRules;
import org.offops.network.domain.PskGenerator;
import org.offops.network.domain.RenderSettings;
import org.offops.remote.RemoteFiles;
import org.offops.remote.SshExecutor;

/** Wires the pure domain objects and the host operations from configuration (singletons: records and final classes). */
@ApplicationScoped
public class NetworkBeans {

    @Produces
    @Singleton
    RenderSettings settings(@ConfigProperty(name = "offops.network.stunnel.setuid") String setuid,
                            @ConfigProperty(name = "offops.network.stunnel.pid") String pid,
                            @ConfigProperty(name = "offops.network.stunnel.output") String output,
                            @ConfigProperty(name = "offops.network.stunnel.debug") String debug) {
        return new RenderSettings(setuid.equals("none") ? "" : setuid, pid, output, debug);
    }

    @Produces
    @Singleton
    LinkRules rules(@ConfigProperty(name = "offops.network.internal-ranges") List<String> ranges) {
        return new LinkRules(new InternalRanges(ranges));
    }

    @Produces
    @Singleton
    ConfigRenderer renderer(RenderSettings settings) {
        return new ConfigRenderer(settings);
    }

    @Produces
    @Singleton
    LinkPlanner planner(ConfigRenderer renderer) {
        return new LinkPlanner(renderer);
    }

    @Produces
    @Singleton
    PskGenerator generator() {
        return new PskGenerator();
    }

    @Produces
    @Singleton
    StunnelHost stunnelHost(SshExecutor ssh, RemoteFiles files, RenderSettings settings) {
        return new StunnelHost(ssh, files, settings);
    }
}
