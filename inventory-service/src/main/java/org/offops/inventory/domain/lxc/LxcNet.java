package org.offops.inventory.domain.lxc;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code netN} line: {@code net0: name=eth0,bridge=vmbr1,firewall=1,gw=10.0.0.1,hwaddr=BC:24:11:00:00:01,
 * ip=10.0.0.5/24,type=veth}, its options kept in file order.
 */
public record LxcNet(int slot, List<LxcOption> options) {

    private static final Pattern KEY = Pattern.compile("net([0-9]|[1-9][0-9]+)");

    public LxcNet {
        if (slot < 0) {
            throw new IllegalArgumentException("network slot must not be negative");
        }
        options = List.copyOf(options);
        if (LxcOption.find(options, "name").isEmpty()) {
            throw new IllegalArgumentException("net" + slot + " has no name= (interface name inside the container)");
        }
    }

    /** {@code netN}. */
    public String key() {
        return "net" + slot;
    }

    public Optional<String> option(String key) {
        return LxcOption.find(options, key);
    }

    /** Interface name inside the container ({@code eth0}). */
    public String name() {
        return option("name").orElseThrow();
    }

    public Optional<String> bridge() {
        return option("bridge");
    }

    public Optional<String> hwaddr() {
        return option("hwaddr");
    }

    /** IPv4 address with prefix ({@code 10.1.0.5/24}), {@code dhcp} or {@code manual}. */
    public Optional<String> ip() {
        return option("ip");
    }

    public Optional<String> gw() {
        return option("gw");
    }

    public Optional<String> ip6() {
        return option("ip6");
    }

    public Optional<String> gw6() {
        return option("gw6");
    }

    /** Always {@code veth} today. */
    public Optional<String> type() {
        return option("type");
    }

    public Optional<String> firewall() {
        return option("firewall");
    }

    /** VLAN tag. */
    public Optional<String> tag() {
        return option("tag");
    }

    public Optional<String> mtu() {
        return option("mtu");
    }

    /** The slot of a {@code netN} key, or -1 if {@code key} is not one. */
    public static int slotOf(String key) {
        Matcher m = KEY.matcher(key);
        return m.matches() && m.group(1).length() < 6 ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Parses the value of {@code netN}; Proxmox's network format has no default key, so every item is key=value. */
    public static LxcNet parse(int slot, String value) {
        return new LxcNet(slot, LxcOption.parseList(value, null));
    }
}
