// Benchmark of deploy-service against Ansible on the fleet-in-a-box: see README.md here. Not a test: it prints
// figures and asserts only that each run really deployed. Run through run.sh (Java source-file mode).
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.offops.deploy.domain.Signature;
import org.offops.fleet.FleetSpec;
import org.offops.fleet.FleetSpecReader;
import org.offops.testkit.Ports;
import org.offops.testkit.PostgresServer;
import org.offops.testkit.ServiceProcess;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetHost;
import org.offops.testkit.fleet.FleetInventory;
import org.offops.testkit.release.ProductOpenerStandIn;

public class DeployBench {

    static final List<String> FLAVORS = List.of("off", "obf", "opf", "opff", "off-pro");
    static final String SECRET = "bench-secret";
    static final Path ROOT = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
    static final Path WORK = ROOT.resolve("bench/deploy/.work");

    public static void main(String[] args) throws Exception {
        int containers = Integer.parseInt(System.getProperty("bench.containers", "5"));
        int rounds = Integer.parseInt(System.getProperty("bench.rounds", "3"));
        int firstNet = Integer.parseInt(System.getProperty("bench.net", containers == 5 ? "94" : "95"));
        Files.createDirectories(WORK);
        List<FleetBox> boxes = new ArrayList<>();
        ProductOpenerStandIn po = ProductOpenerStandIn.create(Files.createTempDirectory(WORK, "po-"));
        PostgresServer pg = SharedInfra.postgres();
        String database = "offops_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        pg.createDatabase(database);
        ServiceProcess service = null;
        try {
            long t = System.nanoTime();
            for (int b = 0; b < Math.max(1, containers / 5); b++) {
                boxes.add(startBox(containers == 5 ? null : b + 1, firstNet + b,
                        boxes.isEmpty() ? null : boxes.get(0).clientKey()));
            }
            for (FleetBox box : boxes) {
                po.seed(box);
            }
            System.out.printf("fleet: %d app containers in %d box(es), started and seeded in %d s%n", containers,
                    boxes.size(), (System.nanoTime() - t) / 1_000_000_000L);
            String topic = "offops.inventory.deploy-bench-" + UUID.randomUUID();
            for (FleetBox box : boxes) {
                FleetInventory.events(box).forEach(e -> TestKafka.sendEvent(SharedInfra.kafkaBootstrap(), topic, e));
            }
            Map<String, String> env = new HashMap<>(Map.of("OFFOPS_DB_URL", pg.jdbcUrl(database),
                    "OFFOPS_DB_USER", pg.user(), "OFFOPS_DB_PASSWORD", pg.password(),
                    "OFFOPS_KAFKA_BOOTSTRAP", SharedInfra.kafkaBootstrap(), "OFFOPS_AUTH_TOKENS", TestTokens.config(),
                    "OFFOPS_SSH_KEY", boxes.get(0).clientKey().toString(), "OFFOPS_WEBHOOK_SECRET", SECRET,
                    "MP_MESSAGING_INCOMING_INVENTORY_EVENTS_TOPIC", topic,
                    "MP_MESSAGING_INCOMING_INVENTORY_EVENTS_GROUP_ID", "deploy-bench-" + UUID.randomUUID(),
                    "OFFOPS_DEPLOY_MAX_PARALLEL", Integer.toString(containers)));
            env.put("OFFOPS_DEPLOY_ASSET_DIR", WORK.resolve("assets-" + database).toString());
            env.put("QUARKUS_LOG_LEVEL", "WARN");
            service = ServiceProcess.start("deploy-bench", ROOT.resolve("deploy-service/target/quarkus-app/quarkus-run.jar"),
                    Ports.free(), env, WORK.resolve("deploy-service.log"));
            awaitFleetView(pg, database, containers);
            Offops offops = new Offops(service.url(), pg, database, po, boxes);
            List<Double> offopsWall = new ArrayList<>();
            List<Double> latencies = new ArrayList<>();
            List<Double> gaps = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                offops.round("v2.0." + r, containers, offopsWall, latencies, gaps);
            }
            List<Double> ansibleWall = new ArrayList<>();
            Ansible ansible = new Ansible(po, boxes, containers);
            for (int r = 0; r < Math.max(1, rounds / 2); r++) {
                ansibleWall.add(ansible.round("v3.0." + r));
            }
            report(containers, offopsWall, ansibleWall, latencies, gaps);
        } finally {
            if (service != null) {
                service.close();
            }
            po.close();
            boxes.forEach(FleetBox::stop);
            pg.dropDatabase(database);
        }
    }

    /** The repo's fleet (off2 + the five flavor containers), or a copy whose containers are named flavor-N. */
    static FleetBox startBox(Integer copy, int net, Path sharedKey) throws IOException {
        Path root = WORK.resolve("fleet-" + net);
        if (Files.exists(root)) {
            try (var old = Files.walk(root)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (sharedKey != null) {
            // every box trusts the one key deploy-service and Ansible log in with
            Path client = Files.createDirectories(root.resolve(".box/client"));
            Files.copy(sharedKey, client.resolve("id_ed25519"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(Path.of(sharedKey + ".pub"), client.resolve("id_ed25519.pub"));
        }
        if (copy == null) {
            FleetSpec spec = FleetSpecReader.read(ROOT.resolve(FleetSpecReader.REPO_PATH));
            List<String> hosts = new ArrayList<>(List.of("off2"));
            hosts.addAll(FLAVORS);
            return FleetBox.builder(spec).root(root).loopbackNet(net).sshPort(22).hosts(hosts).start();
        }
        StringBuilder yaml = new StringBuilder("fleet: bench\ndatacenters:\n  - {name: free}\nservers:\n"
                + "  - {name: off2, datacenter: free, ssh: 127.0.0.32, role: production}\ncontainers:\n");
        for (int i = 0; i < FLAVORS.size(); i++) {
            String f = FLAVORS.get(i);
            yaml.append(String.format("  - {vmid: %d, name: \"%s-%d\", server: off2, kind: app, flavor: \"%s\", "
                    + "ip: 10.1.0.%d, ssh: 127.0.0.%d, services: [apache2, minion, incron]}%n",
                    110 + i, f, copy, f, 110 + i, 110 + i));
        }
        yaml.append("flavors:\n");
        for (String f : FLAVORS) {
            yaml.append(String.format("  - {name: \"%s\", repository: \"https://example.org/po.git\", code: /srv/%s, "
                    + "static: /srv/%s-static, domains: [%s-%d.bench.test], platform: public}%n", f, f, f, f, copy));
        }
        yaml.append("datasets: []\nmounts: []\nlinks: []\nsites: []\n");
        FleetSpec spec = FleetSpecReader.parse(yaml.toString(), "bench copy " + copy);
        return FleetBox.builder(spec).root(root).loopbackNet(net).sshPort(22).start();
    }

    static void awaitFleetView(PostgresServer pg, String db, int containers) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(db), pg.user(), pg.password());
                 ResultSet rs = c.createStatement().executeQuery(
                         "select count(*) from deploy.known_container where kind = 'app'")) {
                rs.next();
                if (rs.getInt(1) >= containers) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the fleet view never knew " + containers + " containers");
    }

    static void report(int n, List<Double> offops, List<Double> ansible, List<Double> latencies, List<Double> gaps) {
        double o = median(offops);
        double a = median(ansible);
        System.out.printf("RESULT containers=%d offops_wall_s=%.2f (rounds %s) ansible_wall_s=%.2f (rounds %s) "
                        + "ratio=%.1fx%n", n, o, fmt(offops), a, fmt(ansible), a / o);
        System.out.printf("RESULT containers=%d webhook_to_first_remote_command_ms p50=%.0f p99=%.0f (n=%d)%n", n,
                pct(latencies, 50), pct(latencies, 99), latencies.size());
        System.out.printf("RESULT containers=%d offops_overhead_between_steps_ms p50=%.1f p99=%.1f mean=%.1f (n=%d)%n",
                n, pct(gaps, 50), pct(gaps, 99), gaps.stream().mapToDouble(d -> d).average().orElse(0), gaps.size());
    }

    /** Every app container's code is at {@code tag}: the run really deployed. */
    static void checkDeployed(List<FleetBox> boxes, String tag) {
        for (FleetBox box : boxes) {
            for (FleetHost host : box.hosts()) {
                if (host.isContainer() && !box.exec(host.name(), "git -C /srv/"
                        + ((FleetSpec.Container) host.spec()).flavor() + " describe --tags").orThrow().stdout()
                        .strip().equals(tag)) {
                    throw new IllegalStateException(host.name() + " is not at " + tag);
                }
            }
        }
    }

    static String fmt(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).toList().toString();
    }

    static double median(List<Double> values) {
        return pct(values, 50);
    }

    static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** One webhook per round; timings from the service's own step journal (same clock as this process). */
    record Offops(String url, PostgresServer pg, String db, ProductOpenerStandIn po, List<FleetBox> boxes) {

        void round(String tag, int n, List<Double> wall, List<Double> latencies, List<Double> gaps) throws Exception {
            po.release(tag);
            byte[] body = po.releasePayload(tag).getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/webhooks/github"))
                    .header("Content-Type", "application/json").header("X-GitHub-Event", "release")
                    .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .header("X-Hub-Signature-256", Signature.sign(SECRET, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long sent = System.currentTimeMillis();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("webhook answered " + answer.statusCode() + ": " + answer.body());
            }
            String release = answer.body().replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(db), pg.user(), pg.password())) {
                long end = awaitEnd(c, release, n);
                wall.add((end - sent) / 1000.0);
                var st = c.prepareStatement("select d.id, s.seq, s.started_at, s.ended_at from deploy.deployment d "
                        + "join deploy.deployment_step s on s.deployment_id = d.id and s.phase = 'deploy' "
                        + "where d.correlation_id = ? order by d.id, s.seq");
                st.setString(1, release);
                String previous = null;
                Timestamp previousEnd = null;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (!id.equals(previous)) {
                            latencies.add((double) (rs.getTimestamp(3).getTime() - sent));
                        } else {
                            gaps.add(Duration.between(previousEnd.toInstant(), rs.getTimestamp(3).toInstant()).toNanos()
                                    / 1e6);
                        }
                        previous = id;
                        previousEnd = rs.getTimestamp(4);
                    }
                }
            }
            checkDeployed(boxes, tag);
            System.out.printf("offops %s: %d containers in %.2f s%n", tag, n, wall.get(wall.size() - 1));
        }

        static long awaitEnd(Connection c, String release, int n) throws Exception {
            var st = c.prepareStatement("select count(*) filter (where state = 'SUCCEEDED'), count(*) filter (where state"
                    + " in ('FAILED','ROLLED_BACK','ROLLBACK_FAILED')), max(ended_at) from deploy.deployment"
                    + " where correlation_id = ?");
            st.setString(1, release);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getInt(2) > 0) {
                        throw new IllegalStateException(rs.getInt(2) + " deployments of " + release + " failed");
                    }
                    if (rs.getInt(1) == n) {
                        return rs.getTimestamp(3).getTime();
                    }
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("release " + release + " did not finish");
        }
    }

    /** The same steps as an Ansible playbook (deploy.yml here), pipelining on, forks = number of hosts. */
    record Ansible(ProductOpenerStandIn po, List<FleetBox> boxes, int n) {

        double round(String tag) throws Exception {
            po.release(tag);
            Path inventory = WORK.resolve("inventory-" + n + ".yml");
            StringBuilder yaml = new StringBuilder("apps:\n  hosts:\n");
            for (FleetBox box : boxes) {
                for (FleetHost host : box.hosts()) {
                    if (!host.isContainer()) {
                        continue;
                    }
                    FleetSpec.Container ct = (FleetSpec.Container) host.spec();
                    List<String> units = ct.services().stream().filter(u -> !u.endsWith("@")).toList();
                    if (ct.services().contains("cloud_vision_ocr@")) {
                        units = new ArrayList<>(units);
                        units.add("cloud_vision_ocr@" + ct.flavor());
                    }
                    yaml.append(String.format("    \"%s\":%n      ansible_host: %s%n      ansible_port: %d%n"
                                    + "      flavor: \"%s\"%n      units: [%s]%n      known_hosts: %s%n",
                            host.name(), host.address(), host.port(), ct.flavor(), String.join(", ", units),
                            box.knownHosts()));
                }
            }
            yaml.append(String.format("  vars:%n    ansible_user: root%n    ansible_python_interpreter: /usr/bin/python3%n"
                    + "    ansible_ssh_private_key_file: %s%n", boxes.get(0).clientKey()));
            Files.writeString(inventory, yaml.toString());
            ProcessBuilder pb = new ProcessBuilder("ansible-playbook", "-i", inventory.toString(), "-f",
                    Integer.toString(n), "-e", "tag=" + tag, "-e", "asset_url=" + po.assetUrl(tag), "-e",
                    "work=" + WORK, ROOT.resolve("bench/deploy/deploy.yml").toString())
                    .redirectErrorStream(true).redirectOutput(WORK.resolve("ansible-" + tag + ".log").toFile());
            pb.environment().put("ANSIBLE_PIPELINING", "True");
            pb.environment().put("ANSIBLE_FORKS", Integer.toString(n));
            pb.environment().put("ANSIBLE_HOST_KEY_CHECKING", "True");
            pb.environment().put("ANSIBLE_NOCOLOR", "1");
            long start = System.nanoTime();
            int rc = pb.start().waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (rc != 0) {
                throw new IllegalStateException("ansible-playbook exited " + rc + "; see " + WORK.resolve("ansible-" + tag + ".log"));
            }
            checkDeployed(boxes, tag);
            System.out.printf("ansible %s: %d containers in %.2f s%n", tag, n, seconds);
            return seconds;
        }
    }
}
