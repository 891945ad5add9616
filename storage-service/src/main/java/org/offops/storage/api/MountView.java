package org.offops.storage.api;

import java.util.List;
import org.offops.storage.store.DatasetEntity;
import org.offops.storage.store.MountEntity;

/** A configured mount as the API shows it: dataset, container (vmid, server), mpN slot and both paths. */
public record MountView(long id, long datasetId, String dataset, String container, int vmid, String server,
                        String slot, String hostPath, String containerPath) {

    /**
     * What a mutation did (or would do): UNCHANGED (already so: adopted or already gone) or CHANGE, whether the
     * container needs a reboot for it, why slots moved, and the correlation id of the MountConfigured events.
     */
    public record Change(MountView mount, String outcome, boolean rebootRequired, List<String> notes,
                         String correlationId) {
    }

    public static MountView of(MountEntity m, DatasetEntity d) {
        return new MountView(m.id == null ? 0 : m.id, m.dataset, d == null ? null : d.ref().toString(), m.container,
                m.vmid, m.server, "mp" + m.slot, m.hostPath, m.containerPath);
    }
}
