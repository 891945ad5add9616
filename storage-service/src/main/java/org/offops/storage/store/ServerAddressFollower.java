package org.offops.storage.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.offops.platform.fleet.ServerAddressChanged;

/**
 * Keeps the recorded syncoid-args.conf files true when inventory moves a server: the targets pulling from it name its
 * address in their pull lines, so their configs are re-staged (and committed) in the same transaction as the move.
 */
@ApplicationScoped
public class ServerAddressFollower {

    private final ServerConfigLedger configs;
    private final StorageModel model;

    public ServerAddressFollower(ServerConfigLedger configs, StorageModel model) {
        this.configs = configs;
        this.model = model;
    }

    void onMoved(@Observes ServerAddressChanged moved) {
        List<Long> datasets = DatasetEntity.<DatasetEntity>list("server", moved.server()).stream().map(d -> d.id)
                .toList();
        if (datasets.isEmpty()) {
            return; // nothing of ours on it: no file names its address
        }
        configs.lock();
        configs.stage("server " + moved.server() + " now reached at " + moved.after() + " (inventory)",
                model.serversReaching(datasets));
    }
}
