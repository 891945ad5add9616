package org.offops.storage.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.offops.remote.Names;
import org.offops.remote.RemoteCommand;
import org.offops.storage.domain.clone.CloneDataset;
import org.offops.storage.domain.clone.CloneRule;
import org.offops.storage.domain.clone.CloneState;
import org.offops.storage.domain.clone.ContainerMount;
import org.offops.storage.domain.snapshot.Snapshot;

/**
 * Reads what a clone refresh needs in one SSH command: the clone and its {@code _new}/{@code _old} leftovers (origin,
 * mountpoint, local properties), the origin's snapshots, and the Proxmox containers' bind mounts with their status.
 */
public final class CloneListing {

    private static final String SCRIPT = """
            for ds in "$2" "$3" "$4"; do
              if zfs list -H -o name "$ds" >/dev/null 2>&1; then
                printf 'dataset\\t%s\\t%s\\t%s\\n' "$ds" "$(zfs get -H -o value origin "$ds")" \\
                  "$(zfs get -H -o value mountpoint "$ds")"
                zfs get -H -o name,property,value -s local all "$ds" | sed 's/^/local\\t/'
              fi
            done
            if zfs list -H -o name "$1" >/dev/null 2>&1; then
              zfs get -Hpd 1 -t snapshot creation "$1" | sed 's/^/snap\\t/'
            fi
            for conf in /etc/pve/lxc/*.conf; do
              [ -f "$conf" ] || continue
              vmid=${conf##*/}; vmid=${vmid%.conf}
              sources=$(sed -n '/^\\[/q; s/^mp[0-9][0-9]*: *\\([^,]*\\).*/\\1/p' "$conf")
              [ -n "$sources" ] || continue
              status=$(pct status "$vmid" 2>/dev/null | sed -n 's/^status: *//p')
              printf '%s\\n' "$sources" | while IFS= read -r src; do printf 'mount\\t%s\\t%s\\t%s\\n' "$vmid" "$src" "$status"; done
            done
            echo end
            """;

    private CloneListing() {
    }

    public static RemoteCommand command(CloneRule rule) {
        return RemoteCommand.script(SCRIPT, Names.zfsDataset(rule.origin()), Names.zfsDataset(rule.cloneDataset()),
                Names.zfsDataset(rule.fresh()), Names.zfsDataset(rule.aside()));
    }

    /** Parses the listing; a listing without its {@code end} line was cut and is refused. */
    public static CloneState parse(CloneRule rule, String output) {
        if (!output.strip().endsWith("end")) {
            throw new IllegalStateException("incomplete clone listing for " + rule.cloneDataset());
        }
        Map<String, String[]> datasets = new HashMap<>();
        Map<String, Map<String, String>> local = new HashMap<>();
        StringBuilder snaps = new StringBuilder();
        List<ContainerMount> mounts = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "dataset" -> datasets.put(f[1], f);
                case "local" -> local.computeIfAbsent(f[1], k -> new HashMap<>()).put(f[2], f.length > 3 ? f[3] : "");
                case "snap" -> snaps.append(line.substring(5)).append('\n');
                case "mount" -> mounts.add(new ContainerMount(Integer.parseInt(f[1]), f[2], "running".equals(f[3])));
                default -> { }
            }
        }
        List<String> names = ZfsCommands.parseListing(snaps.toString()).stream()
                .sorted(java.util.Comparator.comparingLong(Snapshot::creation)).map(Snapshot::name).toList();
        return new CloneState(dataset(rule.cloneDataset(), datasets, local), dataset(rule.fresh(), datasets, local),
                dataset(rule.aside(), datasets, local), names, mounts);
    }

    private static CloneDataset dataset(String name, Map<String, String[]> datasets,
                                        Map<String, Map<String, String>> local) {
        String[] f = datasets.get(name);
        return f == null ? null : new CloneDataset(name, f[2], f[3], local.getOrDefault(name, Map.of()));
    }
}
