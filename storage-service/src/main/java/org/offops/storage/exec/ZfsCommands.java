package org.offops.storage.exec;

import java.util.ArrayList;
import java.util.List;
import org.offops.remote.Names;
import org.offops.remote.RemoteCommand;
import org.offops.storage.domain.snapshot.Snapshot;

/** The zfs command lines offops runs, each built from validated names (never string-built shell). */
public final class ZfsCommands {

    private ZfsCommands() {
    }

    public static RemoteCommand snapshot(String dataset, String name) {
        return RemoteCommand.of("zfs", "snapshot", Names.zfsSnapshot(dataset + "@" + name));
    }

    public static RemoteCommand destroy(String dataset, String name) {
        return RemoteCommand.of("zfs", "destroy", Names.zfsSnapshot(dataset + "@" + name));
    }

    /** syncoid's own listing call: every snapshot of the dataset with its creation time in seconds. */
    public static RemoteCommand listSnapshots(String dataset) {
        return RemoteCommand.of("zfs", "get", "-Hpd", "1", "-t", "snapshot", "creation", Names.zfsDataset(dataset));
    }

    public static List<Snapshot> parseListing(String output) {
        List<Snapshot> snaps = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\t");
            if (f.length >= 3 && f[0].contains("@")) {
                snaps.add(new Snapshot(f[0].substring(f[0].indexOf('@') + 1), Long.parseLong(f[2])));
            }
        }
        return snaps;
    }
}
