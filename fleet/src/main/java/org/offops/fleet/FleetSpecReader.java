package org.offops.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code deploy/fleet/off.yaml} (schema at the top of that file) into a {@link FleetSpec} and validates it:
 * unknown or missing keys, names and paths against strict patterns, unique names, addresses, vmids, mount points
 * and domains, SSH addresses in 127.0.0.0/8, and every reference (datacenter, server, flavor, dataset, container,
 * link and site ends) resolving. Every problem is reported at once in a {@link FleetSpecException}.
 */
public final class FleetSpecReader {

    /** Where the fleet file lives in the repository. */
    public static final String REPO_PATH = "deploy/fleet/off.yaml";

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    static final Pattern SERVICE = Pattern.compile("[a-zA-Z0-9_.:-]+(@[a-zA-Z0-9_.:-]*)?");
    static final Pattern DATASET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*(/[A-Za-z0-9_.:-]+)*");
    static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_-]{0,40}");
    static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_.@+-]+)+");
    static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    static final Pattern URL = Pattern.compile("(https://|ssh://|git@|file:/)[^\\s]+");

    private static final Set<String> SERVER_ROLES = Set.of("production", "replica", "services", "backup");
    private static final Set<String> CONTAINER_KINDS = Set.of("app", "proxy", "database");
    private static final Set<String> PLATFORMS = Set.of("public", "producers");
    private static final Set<String> SCOPES = Set.of("flavor", "platform", "shared");
    private static final Set<String> DATASET_ROLES = Set.of("primary", "replica", "backup", "clone");

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private FleetSpecReader(String source) {
        this.source = source;
    }

    /** Reads and validates the fleet file at {@code file}. */
    public static FleetSpec read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Reads {@code <repo>/deploy/fleet/off.yaml}. */
    public static FleetSpec readFromRepo(Path repo) throws IOException {
        return read(repo.resolve(REPO_PATH));
    }

    public static FleetSpec read(InputStream in, String source) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
    }

    /** Parses and validates YAML text; {@code source} names it in error messages. */
    public static FleetSpec parse(String yaml, String source) {
        return new FleetSpecReader(source).parse(new StringReader(yaml));
    }

    private FleetSpec parse(Reader reader) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (YAMLException e) {
            throw new FleetSpecException(source, List.of("not valid YAML: " + e.getMessage()));
        }
        if (!(root instanceof Map<?, ?>)) {
            throw new FleetSpecException(source, List.of("the document must be a mapping with keys fleet, datacenters, "
                    + "servers, containers, flavors, datasets, mounts, links, sites"));
        }
        Node top = new Node("", root);
        top.keys(Set.of("fleet", "datacenters", "servers", "containers", "flavors", "datasets", "mounts"),
                Set.of("links", "sites"));
        String fleet = top.string("fleet", NAME, true);

        List<FleetSpec.Datacenter> datacenters = new ArrayList<>();
        for (Node n : top.list("datacenters")) {
            n.keys(Set.of("name"), Set.of("description"));
            datacenters.add(new FleetSpec.Datacenter(n.string("name", NAME, true), n.text("description", false)));
        }
        List<FleetSpec.Server> servers = new ArrayList<>();
        for (Node n : top.list("servers")) {
            n.keys(Set.of("name", "datacenter", "ssh", "role"), Set.of("services"));
            servers.add(new FleetSpec.Server(n.string("name", NAME, true), n.string("datacenter", NAME, true),
                    n.string("ssh", IPV4, true), n.oneOf("role", SERVER_ROLES, true),
                    n.strings("services", SERVICE, false)));
        }
        List<FleetSpec.Container> containers = new ArrayList<>();
        for (Node n : top.list("containers")) {
            n.keys(Set.of("vmid", "name", "server", "kind", "ip", "ssh", "services"),
                    Set.of("flavor", "cores", "memory"));
            String kind = n.oneOf("kind", CONTAINER_KINDS, true);
            String flavor = n.string("flavor", NAME, false);
            if ("app".equals(kind) && flavor == null && n.has("kind")) {
                problems.add(n.at("flavor") + ": required for a container of kind app");
            } else if (kind != null && !"app".equals(kind) && flavor != null) {
                problems.add(n.at("flavor") + ": only app containers have a flavor (kind is " + kind + ")");
            }
            containers.add(new FleetSpec.Container(n.integer("vmid", 100, 999_999, true, 0),
                    n.string("name", NAME, true), n.string("server", NAME, true), kind, flavor,
                    n.string("ip", IPV4, true), n.string("ssh", IPV4, true),
                    n.integer("cores", 1, 512, false, 2), n.integer("memory", 16, 4_194_304, false, 2048),
                    n.strings("services", SERVICE, true)));
        }
        List<FleetSpec.Flavor> flavors = new ArrayList<>();
        for (Node n : top.list("flavors")) {
            n.keys(Set.of("name", "repository", "code", "static", "domains", "platform"), Set.of());
            flavors.add(new FleetSpec.Flavor(n.string("name", NAME, true), n.string("repository", URL, true),
                    n.string("code", PATH, true), n.string("static", PATH, true),
                    n.strings("domains", DOMAIN, true), n.oneOf("platform", PLATFORMS, true)));
        }
        List<FleetSpec.Dataset> datasets = new ArrayList<>();
        for (Node n : top.list("datasets")) {
            n.keys(Set.of("server", "name", "kind", "scope"), Set.of("flavor", "role", "source"));
            String role = n.oneOf("role", DATASET_ROLES, false);
            datasets.add(new FleetSpec.Dataset(n.string("server", NAME, true), n.string("name", DATASET, true),
                    n.string("kind", KIND, true), n.string("flavor", NAME, false), n.oneOf("scope", SCOPES, true),
                    role == null ? "primary" : role, n.text("source", false)));
        }
        List<FleetSpec.Mount> mounts = new ArrayList<>();
        for (Node n : top.list("mounts")) {
            n.keys(Set.of("dataset", "container", "mp", "path"), Set.of());
            mounts.add(new FleetSpec.Mount(n.text("dataset", true), n.string("container", NAME, true),
                    n.integer("mp", 0, 255, true, -1), n.string("path", PATH, true)));
        }
        List<FleetSpec.Link> links = new ArrayList<>();
        for (Node n : top.list("links")) {
            n.keys(Set.of("name", "client", "server", "target", "ports"), Set.of());
            Node ports = n.map("ports");
            int accept = -1;
            int serverPort = -1;
            int targetPort = -1;
            if (ports != null) {
                ports.keys(Set.of("accept", "server", "target"), Set.of());
                accept = ports.integer("accept", 1, 65535, true, -1);
                serverPort = ports.integer("server", 1, 65535, true, -1);
                targetPort = ports.integer("target", 1, 65535, true, -1);
            }
            links.add(new FleetSpec.Link(n.string("name", NAME, true), n.string("client", NAME, true),
                    n.string("server", NAME, true), n.string("target", NAME, true), accept, serverPort, targetPort));
        }
        List<FleetSpec.Site> sites = new ArrayList<>();
        for (Node n : top.list("sites")) {
            n.keys(Set.of("name", "proxy", "container", "domains"), Set.of());
            sites.add(new FleetSpec.Site(n.string("name", NAME, true), n.string("proxy", NAME, true),
                    n.string("container", NAME, true), n.strings("domains", DOMAIN, true)));
        }
        FleetSpec spec = new FleetSpec(fleet == null ? "" : fleet, datacenters, servers, containers, flavors,
                datasets, mounts, links, sites);
        if (problems.isEmpty()) {
            // cross references only make sense once every entry has its fields
            crossCheck(spec);
        }
        if (!problems.isEmpty()) {
            throw new FleetSpecException(source, problems);
        }
        return spec;
    }

    /** Uniqueness and references. Public so that a spec built in code can be checked the same way. */
    public static void validate(FleetSpec spec, String source) {
        FleetSpecReader reader = new FleetSpecReader(source);
        reader.crossCheck(spec);
        if (!reader.problems.isEmpty()) {
            throw new FleetSpecException(source, reader.problems);
        }
    }

    private void crossCheck(FleetSpec spec) {
        unique("datacenters", spec.datacenters().stream().map(FleetSpec.Datacenter::name).toList(), "name");
        unique("flavors", spec.flavors().stream().map(FleetSpec.Flavor::name).toList(), "name");
        Set<String> datacenters = new HashSet<>();
        spec.datacenters().forEach(d -> datacenters.add(d.name()));

        // host names and SSH addresses are shared between servers and containers
        Map<String, String> hostNames = new HashMap<>();
        Map<String, String> sshAddresses = new HashMap<>();
        for (int i = 0; i < spec.servers().size(); i++) {
            FleetSpec.Server s = spec.servers().get(i);
            String at = "servers[" + i + "]";
            firstOwner(hostNames, s.name(), at + ".name", "host name");
            firstOwner(sshAddresses, s.ssh(), at + ".ssh", "ssh address");
            loopback(s.ssh(), at + ".ssh");
            if (!datacenters.contains(s.datacenter())) {
                problems.add(at + ".datacenter: unknown datacenter '" + s.datacenter() + "'");
            }
        }
        Map<Integer, String> vmids = new HashMap<>();
        Map<String, String> ips = new HashMap<>();
        for (int i = 0; i < spec.containers().size(); i++) {
            FleetSpec.Container c = spec.containers().get(i);
            String at = "containers[" + i + "]";
            firstOwner(hostNames, c.name(), at + ".name", "host name");
            firstOwner(sshAddresses, c.ssh(), at + ".ssh", "ssh address");
            loopback(c.ssh(), at + ".ssh");
            ipv4(c.ip(), at + ".ip");
            if (vmids.putIfAbsent(c.vmid(), at) != null) {
                problems.add(at + ".vmid: " + c.vmid() + " already used by " + vmids.get(c.vmid()));
            }
            firstOwner(ips, c.ip(), at + ".ip", "internal ip");
            if (spec.server(c.server()).isEmpty()) {
                problems.add(at + ".server: unknown server '" + c.server() + "'");
            }
            if (c.flavor() != null && spec.flavor(c.flavor()).isEmpty()) {
                problems.add(at + ".flavor: unknown flavor '" + c.flavor() + "'");
            }
        }
        Map<String, String> domains = new HashMap<>();
        for (int i = 0; i < spec.flavors().size(); i++) {
            FleetSpec.Flavor f = spec.flavors().get(i);
            String at = "flavors[" + i + "]";
            f.domains().forEach(d -> firstOwner(domains, d, at + ".domains", "domain"));
            if (f.code().equals(f.staticPath())) {
                problems.add(at + ".static: must differ from code (" + f.code() + ")");
            }
            long apps = spec.containers().stream().filter(c -> f.name().equals(c.flavor())).count();
            if (apps != 1) {
                problems.add(at + ": flavor '" + f.name() + "' must have exactly one app container, has " + apps);
            }
        }
        Map<String, String> datasetIds = new HashMap<>();
        for (int i = 0; i < spec.datasets().size(); i++) {
            FleetSpec.Dataset d = spec.datasets().get(i);
            String at = "datasets[" + i + "]";
            firstOwner(datasetIds, d.id(), at + ".name", "dataset");
            if (spec.server(d.server()).isEmpty()) {
                problems.add(at + ".server: unknown server '" + d.server() + "'");
            }
            if (d.flavor() != null && spec.flavor(d.flavor()).isEmpty()) {
                problems.add(at + ".flavor: unknown flavor '" + d.flavor() + "'");
            }
            if ("shared".equals(d.scope()) && d.flavor() != null) {
                problems.add(at + ".flavor: a dataset of scope shared belongs to no flavor");
            } else if (!"shared".equals(d.scope()) && d.flavor() == null) {
                problems.add(at + ".flavor: required for scope " + d.scope());
            }
            if ("primary".equals(d.role())) {
                if (d.source() != null) {
                    problems.add(at + ".source: a primary dataset has no source (set role)");
                }
            } else if (d.source() == null) {
                problems.add(at + ".source: required for role " + d.role());
            } else {
                var origin = spec.dataset(d.source());
                if (origin.isEmpty()) {
                    problems.add(at + ".source: unknown dataset '" + d.source() + "' (expected server:name)");
                } else if ("clone".equals(d.role()) && !origin.get().server().equals(d.server())) {
                    problems.add(at + ".source: a clone's origin must be on the same server (" + d.server() + ")");
                } else if (!"clone".equals(d.role()) && origin.get().server().equals(d.server())) {
                    problems.add(at + ".source: a " + d.role() + " must come from another server");
                } else if (d.source().equals(d.id())) {
                    problems.add(at + ".source: a dataset cannot be its own source");
                }
            }
        }
        Map<String, String> mountPoints = new HashMap<>();
        Map<String, String> mountPaths = new HashMap<>();
        for (int i = 0; i < spec.mounts().size(); i++) {
            FleetSpec.Mount m = spec.mounts().get(i);
            String at = "mounts[" + i + "]";
            var container = spec.container(m.container());
            var dataset = spec.dataset(m.dataset());
            if (container.isEmpty()) {
                problems.add(at + ".container: unknown container '" + m.container() + "'");
            }
            if (dataset.isEmpty()) {
                problems.add(at + ".dataset: unknown dataset '" + m.dataset() + "' (expected server:name)");
            }
            if (container.isPresent() && dataset.isPresent()
                    && !container.get().server().equals(dataset.get().server())) {
                problems.add(at + ".dataset: '" + m.dataset() + "' is on " + dataset.get().server()
                        + " but container " + m.container() + " runs on " + container.get().server()
                        + " (bind mounts are local)");
            }
            firstOwner(mountPoints, m.container() + " mp" + m.mp(), at + ".mp", "mount point");
            firstOwner(mountPaths, m.container() + " " + m.path(), at + ".path", "mount path");
            if (!m.path().startsWith("/mnt/")) {
                problems.add(at + ".path: must be under /mnt/ (" + m.path() + ")");
            }
        }
        Map<String, String> linkNames = new HashMap<>();
        for (int i = 0; i < spec.links().size(); i++) {
            FleetSpec.Link l = spec.links().get(i);
            String at = "links[" + i + "]";
            firstOwner(linkNames, l.name(), at + ".name", "link name");
            for (String[] end : new String[][] {{"client", l.client()}, {"server", l.server()}, {"target", l.target()}}) {
                if (spec.host(end[1]).isEmpty()) {
                    problems.add(at + "." + end[0] + ": unknown host '" + end[1] + "'");
                }
            }
            if (l.client().equals(l.server())) {
                problems.add(at + ": client and server are the same host (" + l.client() + ")");
            }
        }
        Map<String, String> siteNames = new HashMap<>();
        Map<String, String> siteDomains = new HashMap<>();
        for (int i = 0; i < spec.sites().size(); i++) {
            FleetSpec.Site s = spec.sites().get(i);
            String at = "sites[" + i + "]";
            firstOwner(siteNames, s.name(), at + ".name", "site name");
            s.domains().forEach(d -> firstOwner(siteDomains, d, at + ".domains", "domain"));
            var proxy = spec.container(s.proxy());
            if (proxy.isEmpty() || !"proxy".equals(proxy.get().kind())) {
                problems.add(at + ".proxy: '" + s.proxy() + "' is not a container of kind proxy");
            }
            var app = spec.container(s.container());
            if (app.isEmpty() || !app.get().isApp()) {
                problems.add(at + ".container: '" + s.container() + "' is not a container of kind app");
            }
        }
    }

    private void unique(String list, List<String> names, String field) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            firstOwner(seen, names.get(i), list + "[" + i + "]." + field, field);
        }
    }

    private void firstOwner(Map<String, String> seen, String value, String at, String what) {
        String first = seen.putIfAbsent(value, at);
        if (first != null) {
            problems.add(at + ": " + what + " '" + value + "' already used at " + first);
        }
    }

    private void loopback(String address, String at) {
        int[] octets = ipv4(address, at);
        if (octets == null) {
            return;
        }
        if (octets[0] != 127) {
            problems.add(at + ": '" + address + "' is not in 127.0.0.0/8 (the fleet-in-a-box listens on loopback)");
        } else if (address.equals("127.0.0.1") || address.equals("127.255.255.255") || octets[3] == 0) {
            problems.add(at + ": '" + address + "' is reserved; use 127.0.0.2 and up");
        }
    }

    private int[] ipv4(String address, String at) {
        var m = IPV4.matcher(address);
        if (!m.matches()) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            octets[i] = Integer.parseInt(m.group(i + 1));
            if (octets[i] > 255) {
                problems.add(at + ": '" + address + "' is not an IPv4 address");
                return null;
            }
        }
        return octets;
    }

    /** A YAML mapping with its path, collecting problems instead of throwing. */
    private final class Node {
        private final String path;
        private final Map<?, ?> map;

        Node(String path, Object value) {
            this.path = path;
            this.map = value instanceof Map<?, ?> m ? m : Map.of();
        }

        String at(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        boolean has(String key) {
            return map.get(key) != null;
        }

        void keys(Set<String> required, Set<String> optional) {
            for (Object key : map.keySet()) {
                if (!required.contains(String.valueOf(key)) && !optional.contains(String.valueOf(key))) {
                    Set<String> known = new java.util.TreeSet<>(required);
                    known.addAll(optional);
                    problems.add(at(String.valueOf(key)) + ": unknown key (known: " + String.join(", ", known) + ")");
                }
            }
            for (String key : new java.util.TreeSet<>(required)) {
                if (map.get(key) == null) {
                    problems.add(at(key) + ": missing");
                }
            }
        }

        /** A scalar as text; a YAML 1.1 boolean where a name is expected gets a hint. */
        String text(String key, boolean required) {
            Object value = map.get(key);
            if (value == null) {
                return null; // "missing" is reported by keys()
            }
            if (value instanceof Boolean b) {
                problems.add(at(key) + ": got boolean " + b + "; quote the value (YAML 1.1 reads off/on/yes/no/y/n "
                        + "as booleans), e.g. \"off\"");
                return null;
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                problems.add(at(key) + ": expected a single value, got " + (value instanceof Map ? "a mapping" : "a list"));
                return null;
            }
            String text = String.valueOf(value);
            if (text.isBlank()) {
                problems.add(at(key) + ": empty");
                return null;
            }
            return text;
        }

        String string(String key, Pattern pattern, boolean required) {
            String text = text(key, required);
            if (text != null && !pattern.matcher(text).matches()) {
                problems.add(at(key) + ": '" + shorten(text) + "' does not match " + pattern.pattern());
                return null;
            }
            return text;
        }

        String oneOf(String key, Set<String> allowed, boolean required) {
            String text = text(key, required);
            if (text != null && !allowed.contains(text)) {
                problems.add(at(key) + ": '" + shorten(text) + "' is not one of " + new java.util.TreeSet<>(allowed));
                return null;
            }
            return text;
        }

        int integer(String key, int min, int max, boolean required, int fallback) {
            Object value = map.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof Integer i)) {
                problems.add(at(key) + ": expected an integer, got '" + shorten(String.valueOf(value)) + "'");
                return fallback;
            }
            if (i < min || i > max) {
                problems.add(at(key) + ": " + i + " is outside " + min + ".." + max);
                return fallback;
            }
            return i;
        }

        List<String> strings(String key, Pattern pattern, boolean required) {
            Object value = map.get(key);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> items)) {
                problems.add(at(key) + ": expected a list");
                return List.of();
            }
            List<String> result = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                String where = at(key) + "[" + i + "]";
                if (item instanceof Boolean || item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                    problems.add(where + ": expected a name, got " + item + (item instanceof Boolean
                            ? " (quote it: YAML 1.1 reads off/on/yes/no as booleans)" : ""));
                } else if (!pattern.matcher(String.valueOf(item)).matches()) {
                    problems.add(where + ": '" + shorten(String.valueOf(item)) + "' does not match " + pattern.pattern());
                } else if (!seen.add(String.valueOf(item))) {
                    problems.add(where + ": '" + item + "' is listed twice");
                } else {
                    result.add(String.valueOf(item));
                }
            }
            if (required && items.isEmpty()) {
                problems.add(at(key) + ": must not be empty");
            }
            return result;
        }

        Node map(String key) {
            Object value = map.get(key);
            if (value == null) {
                return null;
            }
            if (!(value instanceof Map<?, ?>)) {
                problems.add(at(key) + ": expected a mapping");
                return null;
            }
            return new Node(at(key), value);
        }

        List<Node> list(String key) {
            Object value = map.get(key);
            if (value == null) {
                return List.of(); // a missing required list is reported by keys()
            }
            if (!(value instanceof List<?> items)) {
                problems.add(at(key) + ": expected a list");
                return List.of();
            }
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof Map<?, ?>)) {
                    problems.add(at(key) + "[" + i + "]: expected a mapping");
                    continue;
                }
                nodes.add(new Node(at(key) + "[" + i + "]", items.get(i)));
            }
            return nodes;
        }
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 80 ? clean.substring(0, 77) + "..." : clean;
    }
}
