package org.offops.network.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Renders one host's off.conf in the production format (a section per link, {@code ciphers = PSK},
 * {@code PSKsecrets = /etc/stunnel/psk/<link>-psk.txt}, {@code client = yes} only on the client side).
 * Deterministic: sections sorted by name, addresses resolved from the given map, no time stamps.
 */
public final class ConfigRenderer {

    private final RenderSettings settings;

    public ConfigRenderer(RenderSettings settings) {
        this.settings = settings;
    }

    /** @param addresses host name to the address other hosts reach it at (client listeners use the link's own) */
    public HostConfig render(String host, List<Link> links, Map<String, String> addresses) {
        StringBuilder conf = new StringBuilder();
        conf.append("# Stunnel configuration for off services, rendered by offops network-service: do not edit.\n")
                .append("# The PSK files are private (mode 0600) and never recorded in git.\n\n")
                .append("# the unit runs stunnel in the foreground\n")
                .append("foreground = yes\n");
        if (!settings.setuid().isEmpty()) {
            conf.append("# drop root\n").append("setuid = ").append(settings.setuid()).append('\n')
                    .append("setgid = ").append(settings.setuid()).append('\n');
        }
        conf.append("# in the unit's RuntimeDirectory\n").append("pid = ").append(settings.pid()).append('\n')
                .append("output = ").append(settings.output()).append('\n')
                .append("debug = ").append(settings.debug()).append('\n');
        List<Link> mine = links.stream().filter(link -> link.client().equals(host) || link.server().equals(host))
                .sorted(Comparator.comparing(Link::name)).toList();
        for (Link link : mine) {
            conf.append('\n');
            if (link.server().equals(host)) {
                conf.append("# ").append(link.name()).append(": from ").append(link.client()).append(" to ")
                        .append(link.target()).append('\n').append('[').append(link.section()).append("]\n")
                        .append("client = no\n")
                        .append("accept = ").append(endpoint(address(addresses, host), link.serverPort())).append('\n')
                        .append("connect = ").append(endpoint(address(addresses, link.target()), link.targetPort()))
                        .append('\n');
            } else {
                conf.append("# ").append(link.name()).append(": to ").append(link.target()).append(" through ")
                        .append(link.server()).append('\n').append('[').append(link.section()).append("]\n")
                        .append("client = yes\n")
                        .append("# expose only on loopback or the private network\n")
                        .append("accept = ").append(endpoint(link.clientAddress(), link.clientPort())).append('\n')
                        .append("connect = ").append(endpoint(address(addresses, link.server()), link.serverPort()))
                        .append('\n');
            }
            conf.append("ciphers = PSK\n").append("# this file and directory are private\n")
                    .append("PSKsecrets = ").append(link.pskPath()).append('\n');
        }
        return new HostConfig(host, conf.toString(), mine.stream().map(Link::pskPath).toList());
    }

    /** The same config for a throwaway parse check: no pid file, log on stderr. */
    public static String checkVariant(String offConf) {
        StringBuilder out = new StringBuilder();
        for (String line : offConf.split("\n", -1)) {
            if (line.startsWith("pid = ")) {
                out.append("pid =\n");
            } else if (!line.startsWith("output = ")) {
                out.append(line).append('\n');
            }
        }
        return out.substring(0, out.length() - 1);
    }

    private static String address(Map<String, String> addresses, String host) {
        String address = addresses.get(host);
        if (address == null) {
            throw new IllegalArgumentException("no address known for host " + host);
        }
        return address;
    }

    static String endpoint(String address, int port) {
        // stunnel splits host and port at the last colon, IPv6 included (production: "accept = :::16000")
        return address + ":" + port;
    }
}
