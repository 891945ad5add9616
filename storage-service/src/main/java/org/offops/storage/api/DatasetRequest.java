package org.offops.storage.api;

/** A dataset to register: server, ZFS name, kind, optional flavor, scope and policy name. */
public record DatasetRequest(String server, String name, String kind, String flavor, String scope, String policy) {
}
