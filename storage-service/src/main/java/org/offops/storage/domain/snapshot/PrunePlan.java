package org.offops.storage.domain.snapshot;

import java.util.List;

/** What retention destroys and what it spares although sanoid would destroy it (held or newest common). */
public record PrunePlan(List<PruneStep> destroy, List<PruneStep> spared) {

    public PrunePlan {
        destroy = List.copyOf(destroy);
        spared = List.copyOf(spared);
    }

    public List<String> destroyedNames() {
        return destroy.stream().map(PruneStep::snapshot).toList();
    }
}
