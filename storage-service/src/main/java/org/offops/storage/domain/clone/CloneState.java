package org.offops.storage.domain.clone;

import java.util.List;

/**
 * What the clone's server holds now: the clone at its name, the leftovers a cut refresh may have left
 * ({@code <clone>_new}, {@code <clone>_old}; null when absent), the origin dataset's snapshot names oldest first, and
 * the containers' bind mounts on that server.
 */
public record CloneState(CloneDataset current, CloneDataset fresh, CloneDataset aside, List<String> originSnapshots,
                         List<ContainerMount> mounts) {

    public CloneState {
        originSnapshots = List.copyOf(originSnapshots);
        mounts = List.copyOf(mounts);
    }
}
