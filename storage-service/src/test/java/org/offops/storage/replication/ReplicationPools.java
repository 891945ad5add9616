package org.offops.storage.replication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.offops.testkit.fleet.FleetBox;

/**
 * Readies fleet-box hosts for replication: a pool and dataset on the source, a pool on each target with the key its
 * syncoid pulls with, where storage-service is told to find it ({@link #PULL_KEY}).
 */
public final class ReplicationPools {

    /** Where the pull key lives on a target; tests and benchmarks pass it as OFFOPS_STORAGE_PULL_KEY. */
    public static final String PULL_KEY = "/var/lib/offops-storage/pull_key";
    private static final String ZFS = "/usr/local/sbin/zfs";
    private static final String ZPOOL = "/usr/local/sbin/zpool";

    private ReplicationPools() {
    }

    /** Creates the dataset's pool (mounted at /pool) and the dataset with its parents on the source. */
    public static void source(FleetBox box, String host, String dataset) {
        String pool = dataset.split("/")[0];
        box.exec(host, ZPOOL + " create -m /" + pool + " " + pool + " && " + ZFS + " create -p " + dataset).orThrow();
    }

    /** Creates {@code parent} (with its pool) on a target and gives the target the box's client key to pull with. */
    public static void target(FleetBox box, String host, String parent) throws IOException {
        source(box, host, parent);
        Path key = box.host(host).path(PULL_KEY);
        Files.createDirectories(key.getParent());
        Files.copy(box.clientKey(), key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    }
}
