package org.offops.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fleet as {@code deploy/fleet/off.yaml} describes it (see the schema at the top of that file). Plain records,
 * so a test can also build a small fleet in code. {@link FleetSpecReader} parses and validates the YAML form.
 */
public record FleetSpec(String fleet, List<Datacenter> datacenters, List<Server> servers, List<Container> containers,
                        List<Flavor> flavors, List<Dataset> datasets, List<Mount> mounts, List<Link> links,
                        List<Site> sites) {

    public FleetSpec {
        Objects.requireNonNull(fleet, "fleet");
        datacenters = List.copyOf(datacenters);
        servers = List.copyOf(servers);
        containers = List.copyOf(containers);
        flavors = List.copyOf(flavors);
        datasets = List.copyOf(datasets);
        mounts = List.copyOf(mounts);
        links = List.copyOf(links);
        sites = List.copyOf(sites);
    }

    public record Datacenter(String name, String description) {
    }

    /** Something the fleet-in-a-box runs as its own SSH host: a server or a container. */
    public sealed interface Host permits Server, Container {
        String name();

        /** The SSH address (127.0.0.N in the fleet file). */
        String ssh();

        List<String> services();
    }

    /** A Proxmox host. {@code role}: production, replica, services or backup. */
    public record Server(String name, String datacenter, String ssh, String role, List<String> services)
            implements Host {
        public Server {
            services = List.copyOf(services);
        }
    }

    /** An LXC container. {@code kind}: app, proxy or database; {@code flavor} is null unless kind is app. */
    public record Container(int vmid, String name, String server, String kind, String flavor, String ip, String ssh,
                            int cores, int memory, List<String> services) implements Host {
        public Container {
            services = List.copyOf(services);
        }

        public boolean isApp() {
            return "app".equals(kind);
        }
    }

    /** {@code platform}: public or producers. */
    public record Flavor(String name, String repository, String code, String staticPath, List<String> domains,
                         String platform) {
        public Flavor {
            domains = List.copyOf(domains);
        }
    }

    /**
     * A ZFS dataset. {@code scope}: flavor, platform or shared; {@code role}: primary, replica, backup or clone;
     * {@code source} ("server:dataset") is null for primary datasets.
     */
    public record Dataset(String server, String name, String kind, String flavor, String scope, String role,
                          String source) {

        /** "server:name", the form mounts and sources use. */
        public String id() {
            return server + ":" + name;
        }

        /** Where ZFS mounts it by default: {@code /<name>}. */
        public String mountpoint() {
            return "/" + name;
        }

        /** The pool, the first segment of the name. */
        public String pool() {
            int slash = name.indexOf('/');
            return slash < 0 ? name : name.substring(0, slash);
        }
    }

    /** A bind mount of a dataset into a container as Proxmox mount point {@code mp<mp>} at {@code path}. */
    public record Mount(String dataset, String container, int mp, String path) {
    }

    /** A stunnel link: the client listens on {@code accept}, the server on {@code serverPort}, and connects to
     * {@code target}'s {@code targetPort}. */
    public record Link(String name, String client, String server, String target, int accept, int serverPort,
                       int targetPort) {
    }

    /** A reverse-proxy site: {@code domains} on {@code proxy} go to the app container {@code container}. */
    public record Site(String name, String proxy, String container, List<String> domains) {
        public Site {
            domains = List.copyOf(domains);
        }
    }

    /** Servers then containers, in file order. */
    public List<Host> hosts() {
        List<Host> all = new ArrayList<>(servers);
        all.addAll(containers);
        return all;
    }

    public Optional<Host> host(String name) {
        return hosts().stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public Host requireHost(String name) {
        return host(name).orElseThrow(() -> new IllegalArgumentException("no host named '" + name + "' in fleet "
                + fleet + "; hosts: " + hosts().stream().map(Host::name).toList()));
    }

    public Optional<Server> server(String name) {
        return servers.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Container> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<Flavor> flavor(String name) {
        return flavors.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** A dataset by its id, "server:name". */
    public Optional<Dataset> dataset(String id) {
        return datasets.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public List<Container> containersOn(String server) {
        return containers.stream().filter(c -> c.server().equals(server)).toList();
    }

    public List<Dataset> datasetsOn(String server) {
        return datasets.stream().filter(d -> d.server().equals(server)).toList();
    }

    /** The container's mounts, ordered by mount point index. */
    public List<Mount> mountsOf(String container) {
        return mounts.stream().filter(m -> m.container().equals(container))
                .sorted(java.util.Comparator.comparingInt(Mount::mp)).toList();
    }

    /** Host name to SSH address, in file order. */
    public Map<String, String> sshAddresses() {
        Map<String, String> addresses = new LinkedHashMap<>();
        hosts().forEach(h -> addresses.put(h.name(), h.ssh()));
        return addresses;
    }
}
