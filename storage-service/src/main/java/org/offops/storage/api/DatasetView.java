package org.offops.storage.api;

import org.offops.storage.store.DatasetEntity;

/** A dataset as the API shows it. */
public record DatasetView(long id, String server, String name, String kind, String flavor, String scope,
                          String policy) {

    public static DatasetView of(DatasetEntity d) {
        return new DatasetView(d.id == null ? 0 : d.id, d.server, d.name, d.kind, d.flavor, d.scope, d.policy);
    }
}
