package org.offops.inventory.domain.lxc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code lxc.idmap} line: {@code u 0 100000 1000} maps container uids 0..999 to host uids 100000..100999.
 * An unprivileged container with a custom map has one line per range and kind, and their order is kept.
 *
 * @param kind        {@code u} (user ids) or {@code g} (group ids)
 * @param containerId first id inside the container
 * @param hostId      first id on the host
 * @param count       how many consecutive ids
 */
public record LxcIdMap(String kind, long containerId, long hostId, long count) {

    private static final Pattern LINE = Pattern.compile("([ug])[ \\t]+([0-9]{1,10})[ \\t]+([0-9]{1,10})[ \\t]+([0-9]{1,10})");

    public LxcIdMap {
        if (!"u".equals(kind) && !"g".equals(kind)) {
            throw new IllegalArgumentException("idmap kind must be u or g, got " + kind);
        }
        if (containerId < 0 || hostId < 0 || count < 1) {
            throw new IllegalArgumentException("idmap ids must not be negative and count must be at least 1");
        }
    }

    public boolean isUserMap() {
        return kind.equals("u");
    }

    /** {@code u 0 100000 1000}, the way Proxmox and LXC write it. */
    public String value() {
        return kind + " " + containerId + " " + hostId + " " + count;
    }

    /** Whether {@code id} inside the container is mapped by this line. */
    public boolean coversContainerId(long id) {
        return id >= containerId && id < containerId + count;
    }

    public static LxcIdMap parse(String value) {
        Matcher m = LINE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("lxc.idmap must be '<u|g> <container id> <host id> <count>', got '" + value + "'");
        }
        return new LxcIdMap(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)));
    }
}
