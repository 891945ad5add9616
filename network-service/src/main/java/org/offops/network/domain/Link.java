package org.offops.network.domain;

/**
 * A named stunnel tunnel: the client host listens on {@code clientAddress:clientPort}, its stunnel client carries
 * the bytes to the server host's stunnel on {@code serverPort}, which connects to {@code target:targetPort}.
 */
public record Link(String name, String client, String clientAddress, int clientPort, String server, int serverPort,
                   String target, int targetPort) {

    /** The section name in off.conf and the base of the PSK file name. */
    public String section() {
        return name;
    }

    /** Where both ends keep this link's PSK lines. */
    public String pskPath() {
        return "/etc/stunnel/psk/" + name + "-psk.txt";
    }

    public boolean touches(String host) {
        return client.equals(host) || server.equals(host) || target.equals(host);
    }

    /** The hosts that run stunnel for this link, server first (it must accept a new key before the client uses it). */
    public java.util.List<String> stunnelHosts() {
        return java.util.List.of(server, client);
    }
}
