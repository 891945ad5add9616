package org.offops.inventory.domain;

import java.util.regex.Pattern;
import org.offops.events.inventory.ServerState;

/** Validation of a server's fields; returns the first violation as (field, message) or null when valid. */
public final class ServerRules {

    /** One refused field and why. */
    public record Violation(String field, String message) {
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,253}[A-Za-z0-9])?|[0-9a-fA-F:]{2,39}");
    private static final Pattern HOST_KEY = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");
    private static final Pattern ROLE = Pattern.compile("proxmox|backup|staging|other");

    private ServerRules() {
    }

    public static Violation check(ServerState server) {
        if (server.name() == null || !NAME.matcher(server.name()).matches()) {
            return new Violation("name", "name must match " + NAME.pattern());
        }
        if (server.datacenter() == null || !NAME.matcher(server.datacenter()).matches()) {
            return new Violation("datacenter", "datacenter must match " + NAME.pattern());
        }
        if (server.sshHost() == null || !HOST.matcher(server.sshHost()).matches()) {
            return new Violation("sshHost", "sshHost must be a host name or an IP address");
        }
        if (server.sshPort() < 1 || server.sshPort() > 65535) {
            return new Violation("sshPort", "sshPort must be between 1 and 65535");
        }
        if (server.hostKey() != null && !HOST_KEY.matcher(server.hostKey()).matches()) {
            return new Violation("hostKey", "hostKey must be an OpenSSH SHA256 fingerprint (SHA256:...)");
        }
        if (server.role() == null || !ROLE.matcher(server.role()).matches()) {
            return new Violation("role", "role must be one of " + ROLE.pattern().replace('|', ','));
        }
        return null;
    }
}
