package org.offops.remote;

import java.util.regex.Pattern;

/**
 * A host offops acts on, pinned by the SHA256 fingerprint of its ed25519 host key as OpenSSH prints it.
 *
 * @param hostKeyFingerprint {@code ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub}; null (nothing pinned yet)
 *                           makes every connection refused
 */
public record RemoteHost(String name, String address, int port, String user, String hostKeyFingerprint) {

    private static final Pattern SHA256_FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    public RemoteHost {
        Names.hostName(name);
        Names.hostAddress(address);
        Names.unixUser(user);
        if (port < 1 || port > 65535) {
            throw new InvalidNameException("port", String.valueOf(port), "must be 1..65535");
        }
        if (hostKeyFingerprint != null && !SHA256_FINGERPRINT.matcher(hostKeyFingerprint).matches()) {
            throw new InvalidNameException("host key fingerprint", hostKeyFingerprint,
                    "must be SHA256:<43 base64 characters> as OpenSSH prints it");
        }
    }

    public static RemoteHost of(String name, String address, String hostKeyFingerprint) {
        return new RemoteHost(name, address, 22, "root", hostKeyFingerprint);
    }

    /** {@code name (address:port)}, for messages. */
    public String describe() {
        return name + " (" + address + ":" + port + ")";
    }
}
