package org.offops.testkit.fleet;

import org.offops.fleet.FleetSpec;
import org.offops.fleet.FleetSpecException;
import org.offops.fleet.FleetSpecReader;
import org.offops.testkit.TempDirs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The on-disk layout of the fleet-in-a-box: {@code <root>/<host>/} holds the directories bind-mounted over the real
 * paths inside that host ({@link #BOUND}, plus {@code /<pool>} on servers with datasets) and {@code .box/} (binds
 * list, sshd directory, init log). Provisioning is idempotent: state a host already has (sites, pve configs,
 * releases, keys) is kept; the stand-ins, the host facts and the faults are rewritten on every start.
 */
final class HostLayout {

    /** Directories every host has of its own, relative to / (also relative to its host directory). */
    static final List<String> BOUND = List.of("srv", "mnt", "etc/nginx", "etc/stunnel", "etc/fail2ban", "etc/pve",
            "etc/apache2", "etc/systemd/system", "var/log", "var/lib", "usr/local/sbin", "run");

    static final String FACTS = "var/lib/offops-fleet/host.env";
    static final String FAULTS = "var/lib/offops-fleet/faults";
    static final String UNITS = "var/lib/offops-units";
    static final String STANDIN_LOG = "var/log/offops-standins.log";

    private final FleetSpec spec;
    private final Path root;
    private final UnaryOperator<String> address;

    HostLayout(FleetSpec spec, Path root, UnaryOperator<String> address) {
        this.spec = spec;
        this.root = root;
        this.address = address;
    }

    Path root() {
        return root;
    }

    Path lib() {
        return root.resolve(".box/lib");
    }

    Path bin() {
        return root.resolve(".box/bin");
    }

    Path dir(String host) {
        return root.resolve(host);
    }

    Path box(String host) {
        return dir(host).resolve(".box");
    }

    Path sshdDir(String host) {
        return box(host).resolve("sshd");
    }

    Path binds(String host) {
        return box(host).resolve("binds");
    }

    Path ready(String host) {
        return box(host).resolve("ready");
    }

    /** The real path of {@code hostPath} as seen inside {@code host}, for paths under the host's own directories. */
    Path realPath(String host, String hostPath) {
        if (!hostPath.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + hostPath);
        }
        String best = null;
        for (String bound : boundDirectories(spec.requireHost(host))) {
            if ((hostPath.equals("/" + bound) || hostPath.startsWith("/" + bound + "/"))
                    && (best == null || bound.length() > best.length())) {
                best = bound;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException(hostPath + " is not under one of " + host + "'s own directories "
                    + boundDirectories(spec.requireHost(host)));
        }
        return dir(host).resolve(hostPath.substring(1));
    }

    List<String> boundDirectories(FleetSpec.Host host) {
        List<String> bound = new ArrayList<>(BOUND);
        if (host instanceof FleetSpec.Server server) {
            Set<String> pools = new LinkedHashSet<>();
            spec.datasetsOn(server.name()).forEach(d -> pools.add(d.pool()));
            bound.addAll(pools);
        }
        return bound;
    }

    Path pveConf(FleetSpec.Container container) {
        return dir(container.server()).resolve("etc/pve/nodes/" + container.server() + "/lxc/" + container.vmid()
                + ".conf");
    }

    Path containerEnv(FleetSpec.Container container) {
        return dir(container.server()).resolve("var/lib/offops-fleet/containers/" + container.vmid() + ".env");
    }

    /** Lays out one host's directories and files. */
    void provision(FleetSpec.Host host) throws IOException {
        Path dir = dir(host.name());
        Files.createDirectories(box(host.name()));
        StringBuilder binds = new StringBuilder();
        for (String bound : boundDirectories(host)) {
            Files.createDirectories(dir.resolve(bound));
            binds.append(dir.resolve(bound)).append('\t').append('/').append(bound).append('\n');
        }
        write(binds(host.name()), binds.toString());
        // sshd's privilege separation directory must be root-owned and not group/world writable
        Path privsep = Files.createDirectories(dir.resolve("run/sshd"));
        Files.setPosixFilePermissions(privsep, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("run/lock"));

        write(dir.resolve(FACTS), facts(host));
        Path faults = dir.resolve(FAULTS);
        TempDirs.deleteTree(faults);
        Files.createDirectories(faults.resolve("fail-next"));
        Files.createDirectories(faults.resolve("bin"));

        Path units = dir.resolve(UNITS);
        if (!Files.isDirectory(units)) {
            Files.createDirectories(units);
            for (String service : host.services()) {
                if (!service.endsWith("@")) {
                    Files.writeString(units.resolve(service + ".enabled"), "");
                }
            }
        }
        copyDirectory(bin(), dir.resolve("usr/local/sbin"));
        Files.createDirectories(dir.resolve("var/log/offops-units"));
        Path standinLog = dir.resolve(STANDIN_LOG);
        if (!Files.exists(standinLog)) {
            Files.writeString(standinLog, "");
        }

        if (host.services().contains("nginx")) {
            seedNginx(dir);
        }
        if (host.services().contains("fail2ban")) {
            seedFail2ban(dir);
        }
        if (host.services().stream().anyMatch(s -> s.startsWith("stunnel@"))) {
            Files.createDirectories(dir.resolve("var/log/stunnel4"));
        }
        if (host instanceof FleetSpec.Server server) {
            provisionServer(server, dir);
        } else if (host instanceof FleetSpec.Container container) {
            provisionContainer(container, dir);
        }
    }

    private String facts(FleetSpec.Host host) {
        Map<String, String> facts = new TreeMap<>();
        facts.put("OFFOPS_FLEET_HOST", host.name());
        facts.put("OFFOPS_FLEET_ADDRESS", address.apply(host.ssh()));
        facts.put("OFFOPS_FLEET_ROOT", dir(host.name()).toString());
        facts.put("OFFOPS_FLEET_BOX", root.toString());
        facts.put("OFFOPS_FLEET_LIB", lib().toString());
        facts.put("OFFOPS_FLEET_SERVICES", String.join(" ", host.services()));
        if (host instanceof FleetSpec.Server server) {
            facts.put("OFFOPS_FLEET_HOST_TYPE", "server");
            facts.put("OFFOPS_FLEET_KIND", server.role());
            facts.put("OFFOPS_FLEET_DATACENTER", server.datacenter());
        } else if (host instanceof FleetSpec.Container c) {
            facts.put("OFFOPS_FLEET_HOST_TYPE", "container");
            facts.put("OFFOPS_FLEET_KIND", c.kind());
            facts.put("OFFOPS_FLEET_VMID", Integer.toString(c.vmid()));
            facts.put("OFFOPS_FLEET_SERVER", c.server());
            facts.put("OFFOPS_FLEET_IP", c.ip());
            if (c.flavor() != null) {
                FleetSpec.Flavor flavor = spec.flavor(c.flavor()).orElseThrow();
                facts.put("OFFOPS_FLEET_FLAVOR", flavor.name());
                facts.put("OFFOPS_FLEET_CODE", flavor.code());
                facts.put("OFFOPS_FLEET_STATIC", flavor.staticPath());
                facts.put("OFFOPS_FLEET_PLATFORM", flavor.platform());
            }
        }
        StringBuilder text = new StringBuilder("# facts about this fleet-in-a-box host, written by FleetBox at start\n");
        facts.forEach((key, value) -> text.append(key).append("='").append(value).append("'\n"));
        return text.toString();
    }

    private void provisionServer(FleetSpec.Server server, Path dir) throws IOException {
        Path node = Files.createDirectories(dir.resolve("etc/pve/nodes/" + server.name() + "/lxc"));
        symlink(dir.resolve("etc/pve/lxc"), Path.of("nodes/" + server.name() + "/lxc"));
        symlink(dir.resolve("etc/pve/local"), Path.of("nodes/" + server.name()));
        Path containers = Files.createDirectories(dir.resolve("var/lib/offops-fleet/containers"));
        for (FleetSpec.Container container : spec.containersOn(server.name())) {
            Path conf = node.resolve(container.vmid() + ".conf");
            if (!Files.exists(conf)) {
                write(conf, PveConf.render(spec, container));
            }
            writeContainerEnv(container, "");
        }
        StringBuilder datasets = new StringBuilder("# name\tkind\tflavor\tscope\trole\tsource\tmountpoint\n");
        for (FleetSpec.Dataset dataset : spec.datasetsOn(server.name())) {
            Files.createDirectories(dir.resolve(dataset.name()));
            datasets.append(String.join("\t", dataset.name(), dataset.kind(), orDash(dataset.flavor()),
                    dataset.scope(), dataset.role(), orDash(dataset.source()), dataset.mountpoint())).append('\n');
        }
        write(dir.resolve("var/lib/offops-fleet/datasets"), datasets.toString());
        Files.createDirectories(containers);
    }

    void writeContainerEnv(FleetSpec.Container container, String pidInServer) throws IOException {
        write(containerEnv(container), "CT_NAME='" + container.name() + "'\n"
                + "CT_ROOT='" + dir(container.name()) + "'\n"
                + "CT_CONF='" + pveConf(container) + "'\n"
                + "SERVER_BINDS='" + binds(container.server()) + "'\n"
                + "CT_PID='" + pidInServer + "'\n");
    }

    private void provisionContainer(FleetSpec.Container container, Path dir) throws IOException {
        write(box(container.name()).resolve("container.env"), "CT_CONF='" + pveConf(container) + "'\n"
                + "SERVER_BINDS='" + binds(container.server()) + "'\n");
        if (container.flavor() == null) {
            return;
        }
        FleetSpec.Flavor flavor = spec.flavor(container.flavor()).orElseThrow();
        Files.createDirectories(dir.resolve(flavor.code().substring(1)));
        Path staticPath = dir.resolve(flavor.staticPath().substring(1));
        if (!Files.exists(staticPath, LinkOption.NOFOLLOW_LINKS)) {
            String initial = staticPath.getFileName() + "-initial";
            Path tree = Files.createDirectories(staticPath.resolveSibling(initial));
            write(tree.resolve("index.html"), "<!doctype html><title>" + flavor.name() + "</title>"
                    + "<p>" + flavor.name() + " on " + container.name() + ": fleet-in-a-box initial static tree</p>\n");
            Files.createSymbolicLink(staticPath, Path.of(initial));
        }
        Files.createDirectories(dir.resolve("var/log/apache2"));
    }

    private static void seedNginx(Path dir) throws IOException {
        Path etc = dir.resolve("etc/nginx");
        Files.createDirectories(dir.resolve("var/lib/nginx"));
        Files.createDirectories(dir.resolve("var/log/nginx"));
        if (Files.exists(etc.resolve("nginx.conf"))) {
            return;
        }
        Path system = Path.of("/etc/nginx");
        if (Files.isDirectory(system)) {
            copyDirectory(system, etc, Set.of("nginx.conf", "sites-enabled/default", "sites-available/default"));
        }
        for (String sub : List.of("conf.d", "sites-available", "sites-enabled", "snippets", "modules-enabled")) {
            Files.createDirectories(etc.resolve(sub));
        }
        write(etc.resolve("nginx.conf"), FleetResources.text("fleet/seed/nginx.conf"));
    }

    private static void seedFail2ban(Path dir) throws IOException {
        Path etc = dir.resolve("etc/fail2ban");
        Files.createDirectories(dir.resolve("var/lib/fail2ban"));
        if (Files.exists(etc.resolve("fail2ban.conf"))) {
            return;
        }
        Path system = Path.of("/etc/fail2ban");
        if (!Files.isDirectory(system)) {
            throw new IOException("/etc/fail2ban is missing: apt-get install -y fail2ban");
        }
        copyDirectory(system, etc, Set.of());
        write(Files.createDirectories(etc.resolve("jail.d")).resolve("zz-offops-fleet-box.local"),
                FleetResources.text("fleet/seed/fail2ban-jail.local"));
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void symlink(Path link, Path target) throws IOException {
        if (Files.isSymbolicLink(link)) {
            return;
        }
        try {
            Files.createSymbolicLink(link, target);
        } catch (FileAlreadyExistsException ignored) {
            // a directory someone made on purpose: keep it
        }
    }

    /** Copies files and symlinks (as links) from {@code source} to {@code target}, keeping modes. */
    static void copyDirectory(Path source, Path target) throws IOException {
        copyDirectory(source, target, Set.of());
    }

    private static void copyDirectory(Path source, Path target, Set<String> skip) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(source)) {
            entries = walk.filter(p -> !p.equals(source)).sorted().toList();
        }
        for (Path entry : entries) {
            String relative = source.relativize(entry).toString();
            if (skip.contains(relative)) {
                continue;
            }
            Path destination = target.resolve(relative);
            if (Files.isSymbolicLink(entry)) {
                Files.deleteIfExists(destination);
                Files.createDirectories(destination.getParent());
                Files.createSymbolicLink(destination, Files.readSymbolicLink(entry));
            } else if (Files.isDirectory(entry)) {
                Files.createDirectories(destination);
            } else {
                Files.createDirectories(destination.getParent());
                Files.copy(entry, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

}
