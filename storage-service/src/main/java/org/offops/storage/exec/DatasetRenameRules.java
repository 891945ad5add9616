package org.offops.storage.exec;

import org.offops.platform.api.ApiException;
import org.offops.remote.InvalidNameException;
import org.offops.remote.Names;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.store.DatasetEntity;

/** What a rename's new name must satisfy, checked before any host is touched. */
final class DatasetRenameRules {

    private DatasetRenameRules() {
    }

    /** zfs's own refusals, said before touching the host: bad name, same name, other pool, into itself. */
    static void check(DatasetEntity dataset, String newName) {
        try {
            Names.zfsDataset(newName);
        } catch (InvalidNameException e) {
            throw ApiException.badRequest(e.getMessage(), "name");
        }
        if (newName.equals(dataset.name)) {
            throw ApiException.badRequest("the dataset is already called " + newName, "name");
        }
        if (!pool(newName).equals(pool(dataset.name)) || !newName.contains("/")) {
            throw ApiException.unprocessable("zfs rename keeps a dataset in its pool " + pool(dataset.name)
                    + " (and never makes it a pool)", "name");
        }
        if (newName.startsWith(dataset.name + "/")) {
            throw ApiException.unprocessable("a dataset cannot be moved under itself", "name");
        }
        if (DatasetEntity.byRef(new DatasetRef(dataset.server, newName)).isPresent()) {
            throw ApiException.conflict("dataset " + dataset.server + ":" + newName + " is already registered", "name");
        }
    }

    private static String pool(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }
}
