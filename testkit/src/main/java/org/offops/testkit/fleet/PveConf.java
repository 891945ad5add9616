package org.offops.testkit.fleet;

import org.offops.fleet.FleetSpec;
import org.offops.fleet.FleetSpecException;
import org.offops.fleet.FleetSpecReader;

import java.util.Map;
import java.util.TreeMap;

/** The initial Proxmox config of a container ({@code /etc/pve/lxc/<vmid>.conf}), in Proxmox's own format. */
final class PveConf {

    private PveConf() {
    }

    /**
     * Keys sorted as Proxmox writes them (so mp10 sorts before mp2), comment lines first; mount points from the
     * fleet file's mounts ({@code /<dataset>,mp=<path>}); a deterministic MAC in Proxmox's BC:24:11 range.
     */
    static String render(FleetSpec spec, FleetSpec.Container c) {
        Map<String, String> keys = new TreeMap<>();
        keys.put("arch", "amd64");
        keys.put("cores", Integer.toString(c.cores()));
        keys.put("features", "nesting=1");
        keys.put("hostname", c.name());
        keys.put("memory", Integer.toString(c.memory()));
        for (FleetSpec.Mount mount : spec.mountsOf(c.name())) {
            FleetSpec.Dataset dataset = spec.dataset(mount.dataset()).orElseThrow();
            keys.put("mp" + mount.mp(), dataset.mountpoint() + ",mp=" + mount.path());
        }
        String network = c.ip().substring(0, c.ip().lastIndexOf('.'));
        keys.put("net0", "name=eth0,bridge=vmbr1,firewall=1,gw=" + network + ".1,hwaddr=" + mac(c.vmid())
                + ",ip=" + c.ip() + "/24,type=veth");
        keys.put("onboot", "1");
        keys.put("ostype", "debian");
        keys.put("rootfs", "rpool:subvol-" + c.vmid() + "-disk-0,size=30G");
        keys.put("swap", "0");
        keys.put("unprivileged", "1");
        StringBuilder text = new StringBuilder("#offops fleet-in-a-box " + c.kind() + " container " + c.name()
                + (c.flavor() == null ? "" : " (flavor " + c.flavor() + ")") + "\n");
        keys.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
        return text.toString();
    }

    static String mac(int vmid) {
        return String.format("BC:24:11:%02X:%02X:%02X", (vmid >> 16) & 0xff, (vmid >> 8) & 0xff, vmid & 0xff);
    }
}
