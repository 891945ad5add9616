package org.offops.storage.domain.mount;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the mount points out of {@code pct config <vmid>} and the state out of {@code pct status <vmid>}. */
public final class PctConfig {

    private static final Pattern MP = Pattern.compile("^mp(\\d{1,3}):\\s*(.*)$");

    private PctConfig() {
    }

    /** Every {@code mpN} of the current config (offops' or not), by slot; snapshot/pending sections are skipped. */
    public static List<MountPoint> mounts(String config) {
        List<MountPoint> mounts = new ArrayList<>();
        for (String line : config.split("\n")) {
            if (line.startsWith("[")) {
                break;
            }
            Matcher m = MP.matcher(line.strip());
            if (m.matches()) {
                mounts.add(parse(Integer.parseInt(m.group(1)), m.group(2)));
            }
        }
        mounts.sort(Comparator.comparingInt(MountPoint::slot));
        return mounts;
    }

    /** {@code status: running} (Proxmox's wording) means running; anything else is not. */
    public static boolean running(String status) {
        return status.strip().equals("status: running");
    }

    static MountPoint parse(int slot, String value) {
        String[] parts = value.split(",");
        String path = "";
        List<String> options = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("mp=")) {
                path = parts[i].substring(3);
            } else if (!parts[i].isEmpty()) {
                options.add(parts[i]);
            }
        }
        String volume = parts[0].startsWith("volume=") ? parts[0].substring(7) : parts[0];
        return new MountPoint(slot, volume, path, String.join(",", options));
    }
}
