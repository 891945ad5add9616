package org.offops.inventory.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.offops.inventory.domain.lxc.LxcConfig;
import org.offops.inventory.domain.lxc.LxcConfigDiff;
import org.offops.inventory.domain.lxc.LxcConfigException;
import org.offops.inventory.domain.lxc.LxcConfigParser;
import org.offops.inventory.domain.lxc.LxcConfigWriter;
import org.offops.platform.api.ApiException;

/** The Proxmox config text held per container, and its comparison with the files live on a server. */
@ApplicationScoped
public class LxcConfigStore {

    /** How one container's held config compares with the live file of its vmid. */
    public record Drift(String container, int vmid, String status, List<LxcConfigDiff.Difference> differences) {
    }

    public Optional<String> held(String container) {
        ContainerEntity row = ContainerEntity.findById(container);
        if (row == null) {
            throw ApiException.notFound("no container " + container);
        }
        return Optional.ofNullable(row.lxcConfig).map(text -> LxcConfigWriter.write(LxcConfigParser.parse(text)));
    }

    /** Stores a parsed-and-rewritten config, so what is held is always what the writer exports. */
    @Transactional
    public void hold(String container, LxcConfig config) {
        ContainerEntity row = ContainerEntity.findById(container);
        if (row == null) {
            throw ApiException.notFound("no container " + container);
        }
        row.lxcConfig = LxcConfigWriter.write(config);
    }

    /** Per container of {@code server}: in-sync, drifted, missing-live or not-held; plus live files of unknown vmids. */
    @Transactional
    public List<Drift> compare(String server, Map<Integer, String> live, boolean importLive) {
        List<Drift> report = new ArrayList<>();
        List<ContainerEntity> containers = ContainerEntity.list("server", io.quarkus.panache.common.Sort.by("vmid"),
                server);
        for (ContainerEntity row : containers) {
            String liveText = live.remove(row.vmid);
            if (liveText == null) {
                report.add(new Drift(row.name, row.vmid, "missing-live", List.of()));
                continue;
            }
            LxcConfig liveConfig;
            try {
                liveConfig = LxcConfigParser.parse(liveText);
            } catch (LxcConfigException e) {
                report.add(new Drift(row.name, row.vmid, "unparseable: line " + e.lineNumber() + ": " + e.reason(),
                        List.of()));
                continue;
            }
            if (row.lxcConfig == null) {
                report.add(new Drift(row.name, row.vmid, "not-held", List.of()));
            } else {
                LxcConfigDiff diff = LxcConfigDiff.between(LxcConfigParser.parse(row.lxcConfig), liveConfig);
                report.add(new Drift(row.name, row.vmid, diff.isEmpty() ? "in-sync" : "drifted", diff.differences()));
            }
            if (importLive) {
                row.lxcConfig = LxcConfigWriter.write(liveConfig);
            }
        }
        live.keySet().forEach(vmid -> report.add(new Drift(null, vmid, "unknown-vmid", List.of())));
        return report;
    }
}
