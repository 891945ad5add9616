package org.offops.network.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/** CIDR ranges (IPv4 or IPv6) that count as internal; loopback always does. */
public record InternalRanges(List<String> cidrs) {

    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    public InternalRanges {
        cidrs = List.copyOf(cidrs);
        cidrs.forEach(cidr -> {
            if (!cidr.contains("/") || parse(cidr.substring(0, cidr.indexOf('/'))) == null) {
                throw new IllegalArgumentException("internal range " + cidr + " is not a CIDR like 10.0.0.0/8");
            }
        });
    }

    /** Private IPv4 ranges (RFC 1918) and IPv6 unique local addresses. */
    public static InternalRanges rfc1918() {
        return new InternalRanges(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"));
    }

    /** True for an IP literal that is loopback or inside one of the ranges; names and wildcards are never internal. */
    public boolean isInternal(String address) {
        InetAddress ip = parse(address);
        if (ip == null || ip.isAnyLocalAddress()) {
            return false;
        }
        return ip.isLoopbackAddress() || cidrs.stream().anyMatch(cidr -> contains(cidr, ip));
    }

    private static boolean contains(String cidr, InetAddress ip) {
        int slash = cidr.indexOf('/');
        byte[] network = parse(cidr.substring(0, slash)).getAddress();
        byte[] candidate = ip.getAddress();
        if (network.length != candidate.length) {
            return false;
        }
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((network[i / 8] & mask) != (candidate[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** Parses only literals, so no name lookup ever happens. */
    static InetAddress parse(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
