package org.offops.inventory.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ServerState;

/** Validation of the fleet model's fields; each check returns the first violation (field, message) or null. */
public final class FleetRules {

    /** One refused field and why. */
    public record Violation(String field, String message) {
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern FLAVOR = Pattern.compile("[a-z][a-z0-9-]{0,29}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,253}[A-Za-z0-9])?|[0-9a-fA-F:]{2,39}");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern HOST_KEY = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");
    private static final Pattern SERVER_ROLE = Pattern.compile("production|replica|services|backup|staging");
    private static final Pattern CONTAINER_KIND = Pattern.compile("app|proxy|database|other");
    private static final Pattern UNIT = Pattern.compile("[a-zA-Z0-9_.-]+(@[a-zA-Z0-9_.:-]*)?");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._/-]*");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern REPOSITORY = Pattern.compile("(https://|git@)[A-Za-z0-9._/:@-]+");

    private FleetRules() {
    }

    public static Violation check(Datacenter dc) {
        return first(
                NAME.matcher(nz(dc.name())).matches() ? null : v("name", "name must match " + NAME.pattern()),
                dc.description() == null || dc.description().length() <= 255 ? null
                        : v("description", "description is limited to 255 characters"));
    }

    public static Violation check(ServerState server) {
        return first(
                NAME.matcher(nz(server.name())).matches() ? null : v("name", "name must match " + NAME.pattern()),
                NAME.matcher(nz(server.datacenter())).matches() ? null
                        : v("datacenter", "datacenter must match " + NAME.pattern()),
                HOST.matcher(nz(server.sshHost())).matches() ? null
                        : v("sshHost", "sshHost must be a host name or an IP address"),
                port(server.sshPort()) ? null : v("sshPort", "sshPort must be between 1 and 65535"),
                server.hostKey() == null || HOST_KEY.matcher(server.hostKey()).matches() ? null
                        : v("hostKey", "hostKey must be an OpenSSH SHA256 fingerprint (SHA256:...)"),
                SERVER_ROLE.matcher(nz(server.role())).matches() ? null
                        : v("role", "role must be one of " + SERVER_ROLE.pattern().replace('|', ',')));
    }

    public static Violation check(ContainerState c) {
        return first(
                NAME.matcher(nz(c.name())).matches() ? null : v("name", "name must match " + NAME.pattern()),
                c.vmid() >= 100 && c.vmid() <= 999_999_999 ? null : v("vmid", "vmid must be between 100 and 999999999"),
                NAME.matcher(nz(c.server())).matches() ? null : v("server", "server must match " + NAME.pattern()),
                CONTAINER_KIND.matcher(nz(c.kind())).matches() ? null
                        : v("kind", "kind must be one of " + CONTAINER_KIND.pattern().replace('|', ',')),
                c.flavor() == null || FLAVOR.matcher(c.flavor()).matches() ? null
                        : v("flavor", "flavor must match " + FLAVOR.pattern()),
                !"app".equals(c.kind()) || c.flavor() != null ? null : v("flavor", "an app container needs a flavor"),
                c.internalIp() == null || IPV4.matcher(c.internalIp()).matches() ? null
                        : v("internalIp", "internalIp must be an IPv4 address"),
                HOST.matcher(nz(c.sshHost())).matches() ? null : v("sshHost", "sshHost must be a host name or an IP address"),
                port(c.sshPort()) ? null : v("sshPort", "sshPort must be between 1 and 65535"),
                c.hostKey() == null || HOST_KEY.matcher(c.hostKey()).matches() ? null
                        : v("hostKey", "hostKey must be an OpenSSH SHA256 fingerprint (SHA256:...)"),
                c.services() != null && c.services().stream().allMatch(s -> UNIT.matcher(s).matches()) ? null
                        : v("services", "services must be a list of systemd unit names"));
    }

    public static Violation check(Flavor f) {
        return first(
                FLAVOR.matcher(nz(f.name())).matches() ? null : v("name", "name must match " + FLAVOR.pattern()),
                REPOSITORY.matcher(nz(f.repository())).matches() ? null
                        : v("repository", "repository must be an https:// or git@ URL"),
                PATH.matcher(nz(f.codePath())).matches() && !f.codePath().contains("..") ? null
                        : v("codePath", "codePath must be an absolute path"),
                PATH.matcher(nz(f.staticPath())).matches() && !f.staticPath().contains("..") ? null
                        : v("staticPath", "staticPath must be an absolute path"),
                f.domains().stream().allMatch(d -> DOMAIN.matcher(d).matches()) ? null
                        : v("domains", "domains must be DNS names such as openfoodfacts.org"),
                "public".equals(f.platform()) || "producers".equals(f.platform()) ? null
                        : v("platform", "platform must be public or producers"));
    }

    public static boolean isHostKey(String fingerprint) {
        return fingerprint != null && HOST_KEY.matcher(fingerprint).matches();
    }

    private static boolean port(int port) {
        return port >= 1 && port <= 65535;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static Violation v(String field, String message) {
        return new Violation(field, message);
    }

    private static Violation first(Violation... violations) {
        return Arrays.stream(violations).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
