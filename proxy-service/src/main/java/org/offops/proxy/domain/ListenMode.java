package org.offops.proxy.domain;

/**
 * How sites listen: production's port 80 redirecting to 443 with TLS and HSTS, or plain HTTP on one address (the
 * local stack and tests, which have no certificates). In plain mode {@code address} may be {@link #OWN_ADDRESS},
 * meaning the address of the host that serves the site.
 */
public record ListenMode(boolean tls, String address, int port) {

    public static final String OWN_ADDRESS = "ssh-host";

    public static ListenMode production() {
        return new ListenMode(true, null, 443);
    }

    public static ListenMode plain(String address, int port) {
        return new ListenMode(false, address, port);
    }

    /** Reads {@code tls} or {@code <address>:<port>} (address may be {@code ssh-host}), as configured. */
    public static ListenMode parse(String value) {
        if (value == null || value.isBlank() || value.strip().equals("tls")) {
            return production();
        }
        String text = value.strip();
        int colon = text.lastIndexOf(':');
        if (colon < 1 || !text.substring(colon + 1).matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("listen mode must be 'tls' or '<address>:<port>', not '" + value + "'");
        }
        String address = text.substring(0, colon);
        if (!address.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            throw new IllegalArgumentException("listen address '" + address + "' is not an address");
        }
        return plain(address, Integer.parseInt(text.substring(colon + 1)));
    }

    /** The nginx {@code listen} argument on a host reached at {@code hostAddress}. */
    public String listenOn(String hostAddress) {
        return (OWN_ADDRESS.equals(address) ? hostAddress : address) + ":" + port;
    }
}
