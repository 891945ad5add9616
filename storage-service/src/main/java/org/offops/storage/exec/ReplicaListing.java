package org.offops.storage.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.offops.remote.Names;
import org.offops.remote.RemoteCommand;
import org.offops.storage.domain.replication.DatasetState;
import org.offops.storage.domain.replication.ReplicaSnapshot;

/**
 * Reads one side of a route in a single SSH command: existence, resume token, bytes written since the newest snapshot,
 * and the snapshots with guid and creation.
 */
public final class ReplicaListing {

    // syncoid's own calls (get receive_resume_token, get -Hpd 1 -t snapshot guid,creation), in one session, plus
    // `written`: what was written on a replica since its newest snapshot, which syncoid's receive -F would roll back
    private static final String SCRIPT = """
            if zfs list -H -o name "$1" >/dev/null 2>&1; then
              echo exists
              printf 'token\\t%s\\n' "$(zfs get -H -o value receive_resume_token "$1")"
              if [ "$2" = replica ]; then printf 'written\\t%s\\n' "$(zfs get -Hp -o value written "$1")"; fi
              zfs get -Hpd 1 -t snapshot guid,creation "$1"
            else
              echo absent
            fi
            """;

    private ReplicaListing() {
    }

    /** The source side: what it holds (its {@code written} is no concern of replication's, so not read). */
    public static RemoteCommand source(String dataset) {
        return RemoteCommand.script(SCRIPT, Names.zfsDataset(dataset), "source");
    }

    /** The target side: what it holds and what was written on it since its newest snapshot. */
    public static RemoteCommand replica(String dataset) {
        return RemoteCommand.script(SCRIPT, Names.zfsDataset(dataset), "replica");
    }

    public static DatasetState parse(String output) {
        String[] lines = output.strip().split("\n");
        if (lines.length == 0 || !lines[0].strip().equals("exists")) {
            return DatasetState.absent();
        }
        String token = null;
        long written = 0;
        Map<String, long[]> byName = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            if (f[0].equals("token")) {
                token = f.length > 1 ? f[1].strip() : null;
            } else if (f[0].equals("written")) {
                written = f.length > 1 && f[1].strip().matches("\\d+") ? Long.parseLong(f[1].strip()) : 0;
            } else if (f.length >= 3 && f[0].contains("@")) {
                long[] v = byName.computeIfAbsent(f[0].substring(f[0].indexOf('@') + 1), k -> new long[2]);
                v[f[1].equals("guid") ? 0 : 1] = Long.parseUnsignedLong(f[2]);
            }
        }
        List<ReplicaSnapshot> snaps = new ArrayList<>();
        byName.forEach((name, v) -> snaps.add(new ReplicaSnapshot(name, v[0], v[1])));
        snaps.sort(Comparator.comparingLong(ReplicaSnapshot::creation)); // stable: listing order breaks ties
        return new DatasetState(true, snaps, "-".equals(token) ? null : token, written);
    }

    /** {@code zfs send -nvP} of what the pull will send; its last {@code size} line is the stream size. */
    public static RemoteCommand estimate(String dataset, String from, String to, String resumeToken) {
        if (resumeToken != null) {
            return RemoteCommand.of("zfs", "send", "-nvP", "-t", resumeToken);
        }
        String snap = Names.zfsSnapshot(dataset + "@" + to);
        return from == null ? RemoteCommand.of("zfs", "send", "-nvP", snap)
                : RemoteCommand.of("zfs", "send", "-nvP", "-I", Names.zfsSnapshot(dataset + "@" + from), snap);
    }

    public static long parseEstimate(String output) {
        long size = 0;
        for (String line : output.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && f[0].equals("size")) {
                size = Long.parseLong(f[1]);
            }
        }
        return size;
    }
}
