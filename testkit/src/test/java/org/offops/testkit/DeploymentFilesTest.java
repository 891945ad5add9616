package org.offops.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.offops.events.Topics;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps the deployment files (docker-compose.yml, deploy/kafka, deploy/systemd, deploy/env)
 * consistent with each other and with each service's application.properties.
 * Plain JUnit, no Quarkus: it only reads files of the repository.
 */
class DeploymentFilesTest {

    /** One of the five services: Maven module / compose service name, short name, fixed HTTP port. */
    record Service(String module, String shortName, int port) {
        String topic() {
            return "offops." + shortName;
        }

        String unitFile() {
            return "offops-" + shortName + ".service";
        }

        @Override
        public String toString() {
            return module;
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("inventory-service", "inventory", 8081),
            new Service("deploy-service", "deploy", 8082),
            new Service("storage-service", "storage", 8083),
            new Service("network-service", "network", 8084),
            new Service("proxy-service", "proxy", 8085));

    /** The configuration contract: every service reads exactly these environment variables. */
    static final Set<String> CONTRACT = Set.of(
            "OFFOPS_DB_URL", "OFFOPS_DB_USER", "OFFOPS_DB_PASSWORD",
            "OFFOPS_KAFKA_BOOTSTRAP", "OFFOPS_AUTH_TOKENS", "OFFOPS_SSH_KEY", "QUARKUS_HTTP_PORT");

    /** Variables only some services read, on top of the contract. */
    static final Map<String, Set<String>> SERVICE_VARIABLES = Map.of(
            "deploy-service", Set.of("OFFOPS_WEBHOOK_SECRET"),
            "storage-service", Set.of("OFFOPS_CONFIG_REPO", "OFFOPS_CONFIG_CLONE"),
            "network-service", Set.of("OFFOPS_PSK_KEY", "OFFOPS_CONFIG_REPO", "OFFOPS_CONFIG_CLONE"),
            "proxy-service", Set.of("OFFOPS_PROXY_LISTEN", "OFFOPS_PROXY_UPSTREAM_ADDRESS", "OFFOPS_PROXY_BAN_ACTION",
                    "OFFOPS_CONFIG_REPO", "OFFOPS_CONFIG_CLONE"));

    static Set<String> contract(Service svc) {
        Set<String> all = new TreeSet<>(CONTRACT);
        all.addAll(SERVICE_VARIABLES.getOrDefault(svc.module(), Set.of()));
        return all;
    }

    static final Set<String> ROLES = Set.of("viewer", "operator", "admin");
    static final long DAY_MS = 24L * 60 * 60 * 1000;

    /** {@code ${OFFOPS_X}}, {@code ${OFFOPS_X:default}}: a reference to an OFFOPS_ variable. */
    static final Pattern OFFOPS_REFERENCE = Pattern.compile("\\$\\{\\s*(OFFOPS_[A-Za-z0-9_]*)");

    static Path root;
    static Map<String, Object> composeServices;

    static Stream<Service> services() {
        return SERVICES.stream();
    }

    @BeforeAll
    static void loadRepository() throws IOException {
        root = Repo.root();
        Object compose;
        try (Reader in = Files.newBufferedReader(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Map<String, Object> top = map(compose, "docker-compose.yml");
        composeServices = map(top.get("services"), "docker-compose.yml: services");
    }

    // ---------------------------------------------------------------- docker-compose.yml

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void composeBuildsEachServiceAsAQuarkusImageOfItsModule(Service svc) throws Exception {
        Map<String, Object> s = composeService(svc.module());
        assertEquals("offops/" + svc.module() + ":" + rootPomVersion(), s.get("image"),
                "docker-compose.yml: image of " + svc + " (tag = root pom version)");
        Map<String, Object> build = map(s.get("build"), "docker-compose.yml: " + svc + ".build");
        assertEquals("./" + svc.module(), build.get("context"), "docker-compose.yml: " + svc + ".build.context");
        assertEquals("src/main/docker/Dockerfile.jvm", build.get("dockerfile"),
                "docker-compose.yml: " + svc + ".build.dockerfile");
        assertTrue(Files.isRegularFile(root.resolve(svc.module()).resolve("pom.xml")),
                "docker-compose.yml builds " + svc + " but " + svc.module() + "/pom.xml does not exist");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void composePublishesEachServiceOnItsFixedPort(Service svc) {
        Object ports = composeService(svc.module()).get("ports");
        assertInstanceOf(List.class, ports, "docker-compose.yml: " + svc + " publishes no ports");
        List<String> published = ((List<?>) ports).stream().map(String::valueOf).toList();
        assertEquals(List.of(svc.port() + ":" + svc.port()), published, "docker-compose.yml: ports of " + svc);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void composeGivesEachServiceEveryContractVariablePointingAtPostgresAndKafka(Service svc) {
        Map<String, String> env = composeEnvironment(svc);
        String where = "docker-compose.yml: environment of " + svc;
        assertEquals(contract(svc), new TreeSet<>(contractVariablesIn(env.keySet())),
                where + " must set exactly the contract variables (and no unknown OFFOPS_ variable)");
        env.forEach((k, v) -> assertFalse(v == null || v.isBlank(), where + ": " + k + " is empty"));
        assertEquals(String.valueOf(svc.port()), env.get("QUARKUS_HTTP_PORT"), where + ": QUARKUS_HTTP_PORT");
        assertTrue(env.get("OFFOPS_DB_URL").startsWith("jdbc:postgresql://postgres:5432/offops"),
                where + ": OFFOPS_DB_URL must point at the compose service postgres, database offops; was "
                        + env.get("OFFOPS_DB_URL"));
        assertEquals("kafka:9092", env.get("OFFOPS_KAFKA_BOOTSTRAP"), where + ": OFFOPS_KAFKA_BOOTSTRAP");
        assertValidTokenList(composeDefault(env.get("OFFOPS_AUTH_TOKENS")), where, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void composeStartsEachServiceAfterHealthyDependenciesAndChecksItsReadiness(Service svc) {
        Map<String, Object> s = composeService(svc.module());
        String where = "docker-compose.yml: " + svc;
        Map<String, Object> dependsOn = map(s.get("depends_on"), where + ".depends_on (with conditions)");
        Map<String, String> expected = Map.of(
                "postgres", "service_healthy",
                "kafka", "service_healthy",
                "kafka-topics", "service_completed_successfully");
        expected.forEach((dependency, condition) -> {
            Map<String, Object> d = map(dependsOn.get(dependency), where + ".depends_on." + dependency);
            assertEquals(condition, d.get("condition"), where + ".depends_on." + dependency + ".condition");
        });
        String test = healthcheckTest(s, where);
        assertTrue(test.contains("localhost:" + svc.port() + "/q/health/ready"),
                where + ": healthcheck must probe localhost:" + svc.port() + "/q/health/ready, is: " + test);
    }

    @Test
    void composeRunsSingleNodeKraftKafkaPostgres15AndCreatesTopicsFromTopicsConf() {
        Map<String, Object> kafka = composeService("kafka");
        assertTrue(String.valueOf(kafka.get("image")).startsWith("apache/kafka:"), "compose kafka image: apache/kafka");
        Map<String, String> kafkaEnv = stringMap(kafka.get("environment"), "compose kafka.environment");
        assertEquals("broker,controller", kafkaEnv.get("KAFKA_PROCESS_ROLES"), "compose kafka: KRaft combined");
        assertEquals("PLAINTEXT://kafka:9092", kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS"),
                "compose kafka: services connect to kafka:9092");
        assertEquals("false", kafkaEnv.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"),
                "compose kafka: topics only from topics.conf");
        healthcheckTest(kafka, "compose kafka");

        Map<String, Object> postgres = composeService("postgres");
        assertEquals("postgres:15", postgres.get("image"), "compose postgres image");
        assertEquals("offops", stringMap(postgres.get("environment"), "compose postgres.environment").get("POSTGRES_DB"),
                "compose postgres: database offops");
        healthcheckTest(postgres, "compose postgres");

        Map<String, Object> topics = composeService("kafka-topics");
        String mounts = String.valueOf(topics.get("volumes"));
        String runs = topics.get("entrypoint") + " " + topics.get("command");
        assertTrue(mounts.contains("./deploy/kafka:"), "compose kafka-topics must mount ./deploy/kafka: " + mounts);
        assertTrue(runs.contains("create-topics.sh") && runs.contains("kafka:9092"),
                "compose kafka-topics must run create-topics.sh against kafka:9092: " + runs);
    }

    // ---------------------------------------------------------------- application.properties

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void applicationPropertiesHttpPortIsTheFixedPortPublishedByCompose(Service svc) throws IOException {
        Path file = applicationProperties(svc);
        Properties props = loadProperties(file);
        String raw = props.getProperty("quarkus.http.port");
        assertNotNull(raw, rel(file) + " must set quarkus.http.port to " + svc.port());
        assertEquals(svc.port(), portValue(raw.trim(), file), rel(file) + ": quarkus.http.port");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyOffopsVariableOfApplicationPropertiesIsInTheContractComposeAndEnvExample(Service svc) throws IOException {
        Path file = applicationProperties(svc);
        Properties props = loadProperties(file);
        Set<String> referenced = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            Matcher m = OFFOPS_REFERENCE.matcher(key + " " + props.getProperty(key));
            while (m.find()) {
                referenced.add(m.group(1));
            }
        }
        Set<String> unknown = new TreeSet<>(referenced);
        unknown.removeAll(contract(svc));
        assertTrue(unknown.isEmpty(), rel(file) + " references variables outside the configuration contract "
                + contract(svc) + ": " + unknown);

        Set<String> notInCompose = new TreeSet<>(referenced);
        notInCompose.removeAll(composeEnvironment(svc).keySet());
        assertTrue(notInCompose.isEmpty(), rel(file) + " reads " + notInCompose
                + " but docker-compose.yml does not set them for " + svc);

        Path example = envExample(svc);
        Set<String> notInExample = new TreeSet<>(referenced);
        notInExample.removeAll(readEnvFile(example).keySet());
        assertTrue(notInExample.isEmpty(), rel(file) + " reads " + notInExample + " but " + rel(example)
                + " does not set them");
    }

    // ---------------------------------------------------------------- deploy/env

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void envExampleSetsEveryContractVariableWithPlaceholdersInsteadOfSecrets(Service svc) throws IOException {
        Path example = envExample(svc);
        Map<String, String> env = readEnvFile(example);
        String where = rel(example);
        assertEquals(contract(svc), new TreeSet<>(contractVariablesIn(env.keySet())),
                where + " must set exactly the contract variables (and no unknown OFFOPS_ variable)");
        assertEquals(String.valueOf(svc.port()), env.get("QUARKUS_HTTP_PORT"), where + ": QUARKUS_HTTP_PORT");
        assertTrue(env.get("OFFOPS_DB_URL").startsWith("jdbc:postgresql://"), where + ": OFFOPS_DB_URL is a JDBC URL");
        assertTrue(env.get("OFFOPS_DB_PASSWORD").contains("CHANGE_ME"), where + ": password must be a CHANGE_ME placeholder");
        assertValidTokenList(env.get("OFFOPS_AUTH_TOKENS"), where, true);
        String text = Files.readString(example, StandardCharsets.UTF_8);
        assertTrue(text.contains("printf %s \"$TOKEN\" | sha256sum"), where + " must show how to hash a token");
    }

    // ---------------------------------------------------------------- deploy/kafka

    @Test
    void topicsConfParsesAndGivesEachServiceTopicItsDeadLetterTopic() throws IOException {
        Map<String, Topic> topics = readTopics(root.resolve("deploy/kafka/topics.conf"));
        for (Topic t : topics.values()) {
            if (t.name().endsWith(".dlq")) {
                String main = t.name().substring(0, t.name().length() - ".dlq".length());
                assertTrue(topics.containsKey(main), "dead-letter topic " + t.name() + " has no main topic " + main);
                assertTrue(t.partitions() >= 1 && t.partitions() <= 3, t.name() + ": 1-3 partitions");
                assertEquals(30 * DAY_MS, t.retentionMs(), t.name() + ": retention 30 days");
            } else {
                assertTrue(topics.containsKey(t.name() + ".dlq"), "topic " + t.name() + " has no " + t.name() + ".dlq");
                assertEquals(6, t.partitions(), t.name() + ": partitions");
                assertTrue(t.retentionMs() == -1 || t.retentionMs() >= 90 * DAY_MS,
                        t.name() + ": the event history is the audit trail; keep it forever or >= 90 days");
                assertFalse(t.cleanupPolicy().contains("compact"), t.name() + ": compaction would erase history");
            }
        }
        Set<String> expected = new TreeSet<>();
        for (Service svc : SERVICES) {
            expected.add(svc.topic());
            expected.add(svc.topic() + ".dlq");
        }
        assertEquals(expected, new TreeSet<>(topics.keySet()), "topics in deploy/kafka/topics.conf");
    }

    @Test
    void topicsConfListsExactlyTheEventTopicsOfTheCodeAndTheirDeadLetterTopics() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (String topic : Topics.ALL) {
            expected.add(topic);
            expected.add(Topics.dlq(topic));
        }
        assertEquals(expected, new TreeSet<>(readTopics(root.resolve("deploy/kafka/topics.conf")).keySet()),
                "deploy/kafka/topics.conf against org.offops.events.Topics");
    }

    @Test
    void topicSetupReadsTopicsConfAsTheDocumentedFormatSays() throws IOException {
        Path conf = root.resolve("deploy/kafka/topics.conf");
        List<Topic> strict = List.copyOf(readTopics(conf).values());
        List<Topic> local = TopicSetup.read(conf).stream()
                .map(t -> new Topic(t.name(), t.partitions(), t.retentionMs(), t.cleanupPolicy()))
                .toList();
        assertEquals(strict, local, "TopicSetup (local stack, tests) and the documented format disagree on topics.conf");
    }

    @Test
    void createTopicsDryRunPrintsACreateAndAnAlterForEveryTopicOfTopicsConf() throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "needs /bin/bash");
        Path script = root.resolve("deploy/kafka/create-topics.sh");
        assertTrue(Files.isRegularFile(script), "missing " + rel(script));
        Process p = new ProcessBuilder(bash.toString(), script.toString(), "--dry-run",
                "--kafka-home", "/opt/kafka", "--bootstrap-server", "kafka:9092")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "create-topics.sh --dry-run did not finish");
        assertEquals(0, p.exitValue(), "create-topics.sh --dry-run failed:\n" + out);
        List<String> lines = out.lines().toList();
        for (Topic t : readTopics(root.resolve("deploy/kafka/topics.conf")).values()) {
            String create = "/opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists"
                    + " --topic " + t.name() + " --partitions " + t.partitions()
                    + " --config retention.ms=" + t.retentionMs();
            String alter = "/opt/kafka/bin/kafka-configs.sh --bootstrap-server kafka:9092 --alter --entity-type topics"
                    + " --entity-name " + t.name() + " --add-config";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(create)), "no '" + create + "' in:\n" + out);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(alter) && l.contains("retention.ms=" + t.retentionMs())),
                    "no '" + alter + " retention.ms=" + t.retentionMs() + "' in:\n" + out);
        }
    }

    @Test
    void brokerConfigExampleIsASingleNodeKraftCombinedBrokerUnderVarLibOffops() throws IOException {
        Path file = root.resolve("deploy/kafka/server.properties.example");
        assertTrue(Files.isRegularFile(file), "missing " + rel(file));
        Properties props = loadProperties(file);
        assertEquals("broker,controller", props.getProperty("process.roles"), rel(file) + ": process.roles");
        assertEquals("1", props.getProperty("node.id"), rel(file) + ": node.id");
        assertNotNull(props.getProperty("listeners"), rel(file) + ": listeners");
        assertNotNull(props.getProperty("controller.listener.names"), rel(file) + ": controller.listener.names");
        assertTrue(String.valueOf(props.getProperty("log.dirs")).startsWith("/var/lib/offops/kafka"),
                rel(file) + ": log.dirs under /var/lib/offops/kafka");
    }

    // ---------------------------------------------------------------- deploy/systemd

    @Test
    void eachSystemdUnitReadsAnEnvFileThatHasAnExample() throws IOException {
        List<Path> units = unitFiles();
        assertFalse(units.isEmpty(), "no units in deploy/systemd");
        Pattern envPath = Pattern.compile("-?/etc/offops/([A-Za-z0-9._-]+)\\.env");
        for (Path unit : units) {
            List<String> envFiles = readUnit(unit).getOrDefault("Service.EnvironmentFile", List.of());
            assertFalse(envFiles.isEmpty(), rel(unit) + " has no EnvironmentFile=");
            for (String envFile : envFiles) {
                Matcher m = envPath.matcher(envFile.trim());
                assertTrue(m.matches(), rel(unit) + ": EnvironmentFile=" + envFile + " is not /etc/offops/<name>.env");
                Path example = root.resolve("deploy/env/" + m.group(1) + ".env.example");
                assertTrue(Files.isRegularFile(example), rel(unit) + " reads " + envFile + " but " + rel(example)
                        + " does not exist");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void serviceUnitRunsTheFastJarAsOffopsAfterKafkaWithHardening(Service svc) throws IOException {
        Path unit = root.resolve("deploy/systemd").resolve(svc.unitFile());
        assertTrue(Files.isRegularFile(unit), "missing " + rel(unit));
        Map<String, List<String>> u = readUnit(unit);
        String where = rel(unit);
        assertEquals(List.of("simple"), u.get("Service.Type"), where + ": Type");
        assertEquals(List.of("offops"), u.get("Service.User"), where + ": User");
        assertEquals(List.of("on-failure"), u.get("Service.Restart"), where + ": Restart");
        assertEquals(List.of("/etc/offops/" + svc.module() + ".env"), u.get("Service.EnvironmentFile"),
                where + ": EnvironmentFile");
        String execStart = String.join(" ", u.getOrDefault("Service.ExecStart", List.of()));
        assertTrue(execStart.matches("\\S*java\\b.*-jar /opt/offops/" + Pattern.quote(svc.module()) + "/quarkus-run\\.jar"),
                where + ": ExecStart must be java ... -jar /opt/offops/" + svc.module() + "/quarkus-run.jar, is: " + execStart);
        for (String key : List.of("After", "Wants")) {
            Set<String> deps = words(u.get("Unit." + key));
            assertTrue(deps.containsAll(Set.of("network-online.target", "offops-kafka.service")),
                    where + ": " + key + "= must name network-online.target and offops-kafka.service, is " + deps);
        }
        assertEquals(List.of("true"), u.get("Service.NoNewPrivileges"), where + ": NoNewPrivileges");
        assertEquals(List.of("strict"), u.get("Service.ProtectSystem"), where + ": ProtectSystem");
        assertEquals(List.of("true"), u.get("Service.PrivateTmp"), where + ": PrivateTmp");
    }

    @Test
    void kafkaUnitRunsTheKraftBrokerAsOffopsWritingOnlyItsOwnDirectories() throws IOException {
        Path unit = root.resolve("deploy/systemd/offops-kafka.service");
        assertTrue(Files.isRegularFile(unit), "missing " + rel(unit));
        Map<String, List<String>> u = readUnit(unit);
        String where = rel(unit);
        assertEquals(List.of("offops"), u.get("Service.User"), where + ": User");
        assertTrue(String.join(" ", u.getOrDefault("Service.ExecStart", List.of()))
                .startsWith("/opt/kafka/bin/kafka-server-start.sh "), where + ": ExecStart runs /opt/kafka");
        assertEquals(List.of("strict"), u.get("Service.ProtectSystem"), where + ": ProtectSystem");
        assertTrue(words(u.get("Service.ReadWritePaths")).contains("/var/lib/offops/kafka"),
                where + ": ReadWritePaths must include /var/lib/offops/kafka");
        assertEquals(List.of("true"), u.get("Service.NoNewPrivileges"), where + ": NoNewPrivileges");
        assertEquals(List.of("true"), u.get("Service.PrivateTmp"), where + ": PrivateTmp");
    }

    @Test
    void unitsAndComposeCoverExactlyTheFiveServices() throws IOException {
        Set<String> expectedUnits = new TreeSet<>();
        expectedUnits.add("offops-kafka.service");
        SERVICES.forEach(s -> expectedUnits.add(s.unitFile()));
        Set<String> actualUnits = unitFiles().stream().map(p -> p.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedUnits, actualUnits, "units in deploy/systemd");

        Set<String> quarkusServicesInCompose = composeServices.entrySet().stream()
                .filter(e -> e.getValue() instanceof Map<?, ?> m && m.containsKey("build"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(SERVICES.stream().map(Service::module).collect(Collectors.toCollection(TreeSet::new)),
                quarkusServicesInCompose, "services built by docker-compose.yml");
        for (Service svc : SERVICES) {
            String unitText = Files.readString(root.resolve("deploy/systemd").resolve(svc.unitFile()));
            assertTrue(unitText.contains(svc.module()), svc.unitFile() + " never mentions " + svc.module());
        }
    }

    // ================================================================= helpers


    static String rel(Path p) {
        return root.relativize(p.toAbsolutePath()).toString();
    }

    static String rootPomVersion() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element project = f.newDocumentBuilder().parse(root.resolve("pom.xml").toFile()).getDocumentElement();
        for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("version")) {
                return e.getTextContent().trim();
            }
        }
        return fail("pom.xml has no <version>");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String what) {
        assertInstanceOf(Map.class, o, what + " must be a mapping");
        return (Map<String, Object>) o;
    }

    static Map<String, Object> composeService(String name) {
        assertTrue(composeServices.containsKey(name), "docker-compose.yml has no service " + name);
        return map(composeServices.get(name), "docker-compose.yml: service " + name);
    }

    /** A compose environment, map or list ("K=V") form, as strings. */
    static Map<String, String> stringMap(Object environment, String what) {
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String s = String.valueOf(entry);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        } else {
            map(environment, what).forEach((k, v) -> env.put(k, v == null ? null : String.valueOf(v)));
        }
        return env;
    }

    static Map<String, String> composeEnvironment(Service svc) {
        return stringMap(composeService(svc.module()).get("environment"),
                "docker-compose.yml: environment of " + svc);
    }

    /** The contract variables and every OFFOPS_ variable (known or not) among the given names. */
    static Set<String> contractVariablesIn(Set<String> names) {
        return names.stream().filter(n -> CONTRACT.contains(n) || n.startsWith("OFFOPS_"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The value compose uses when the variable is not set in the shell: ${X:-default} gives default. */
    static String composeDefault(String value) {
        Matcher m = Pattern.compile("^\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-(.*)}$").matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    static String healthcheckTest(Map<String, Object> service, String where) {
        Map<String, Object> hc = map(service.get("healthcheck"), where + ".healthcheck");
        Object test = hc.get("test");
        assertNotNull(test, where + ".healthcheck.test");
        return test instanceof List<?> l ? l.stream().map(String::valueOf).collect(Collectors.joining(" ")) : test.toString();
    }

    /** name:role:sha256hex,...; placeholders (CHANGE_ME) instead of hashes where allowed. */
    static void assertValidTokenList(String value, String where, boolean placeholdersRequired) {
        assertNotNull(value, where + ": OFFOPS_AUTH_TOKENS");
        for (String entry : value.split(",", -1)) {
            String[] parts = entry.split(":", -1);
            assertEquals(3, parts.length, where + ": OFFOPS_AUTH_TOKENS entry '" + entry + "' is not name:role:sha256hex");
            assertFalse(parts[0].isBlank(), where + ": token entry without a name: " + entry);
            assertTrue(ROLES.contains(parts[1]), where + ": role '" + parts[1] + "' is not one of " + ROLES);
            if (placeholdersRequired) {
                assertTrue(parts[2].contains("CHANGE_ME"), where + ": token hash of '" + parts[0]
                        + "' must be a CHANGE_ME placeholder in an example file");
            } else {
                assertTrue(parts[2].matches("[0-9a-f]{64}"), where + ": '" + parts[2] + "' is not a sha256 hex digest");
            }
        }
    }

    static Path applicationProperties(Service svc) {
        Path file = root.resolve(svc.module()).resolve("src/main/resources/application.properties");
        assertTrue(Files.isRegularFile(file), "missing " + rel(file) + ": " + svc
                + " must map the OFFOPS_* variables there and set quarkus.http.port=" + svc.port());
        return file;
    }

    static Path envExample(Service svc) {
        Path file = root.resolve("deploy/env").resolve(svc.module() + ".env.example");
        assertTrue(Files.isRegularFile(file), "missing " + rel(file));
        return file;
    }

    static Properties loadProperties(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return props;
    }

    /** "8081", or "${QUARKUS_HTTP_PORT:8081}" whose default is the port. */
    static int portValue(String raw, Path file) {
        Matcher m = Pattern.compile("^\\$\\{[A-Za-z0-9_.-]+:(\\d+)}$").matcher(raw);
        String digits = m.matches() ? m.group(1) : raw;
        if (!digits.matches("\\d+")) {
            return fail(rel(file) + ": quarkus.http.port must be a number or ${VAR:number}, is " + raw);
        }
        return Integer.parseInt(digits);
    }

    /** An env file as systemd reads it: KEY=value lines; '#' and ';' lines and blank lines ignored. */
    static Map<String, String> readEnvFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            int eq = t.indexOf('=');
            assertTrue(eq > 0, rel(file) + ":" + n + ": not KEY=value: " + line);
            String key = t.substring(0, eq).strip();
            assertFalse(env.containsKey(key), rel(file) + ":" + n + ": " + key + " set twice");
            env.put(key, t.substring(eq + 1).strip());
        }
        return env;
    }

    record Topic(String name, int partitions, long retentionMs, String cleanupPolicy) {
    }

    static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    /** Parses topics.conf by the rules at the top of that file; fails on anything else. */
    static Map<String, Topic> readTopics(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), "missing " + rel(file));
        Map<String, Topic> topics = new LinkedHashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String where = rel(file) + ":" + n + ": ";
            assertFalse(line.contains("\r"), where + "carriage return");
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            assertFalse(t.contains("#"), where + "'#' is only allowed at the start of a comment line");
            String[] f = t.split("[ \\t]+");
            assertTrue(f.length == 3 || f.length == 4,
                    where + "expected <name> <partitions> <retention.ms> [cleanup.policy]: " + line);
            assertTrue(TOPIC_NAME.matcher(f[0]).matches(), where + "invalid topic name " + f[0]);
            assertTrue(f[1].matches("[1-9][0-9]{0,5}"), where + "partitions must be an integer >= 1: " + f[1]);
            assertTrue(f[2].matches("-1|[1-9][0-9]{0,18}"), where + "retention.ms must be -1 or >= 1: " + f[2]);
            String policy = f.length == 4 ? f[3] : "delete";
            assertTrue(Set.of("delete", "compact", "compact,delete").contains(policy),
                    where + "cleanup.policy must be delete, compact or compact,delete: " + policy);
            Topic topic = new Topic(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), policy);
            assertTrue(topics.putIfAbsent(topic.name(), topic) == null, where + "topic " + topic.name() + " listed twice");
        }
        assertFalse(topics.isEmpty(), rel(file) + " lists no topics");
        return topics;
    }

    static List<Path> unitFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("deploy/systemd"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".service")).sorted().toList();
        }
    }

    /** A systemd unit as "Section.Key" to the values of every assignment, continuation lines joined. */
    static Map<String, List<String>> readUnit(Path file) throws IOException {
        Map<String, List<String>> unit = new LinkedHashMap<>();
        String section = "";
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (pending.isEmpty() && (t.isEmpty() || t.startsWith("#") || t.startsWith(";"))) {
                continue;
            }
            if (t.endsWith("\\")) {
                pending.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            String logical = pending.append(t).toString();
            pending.setLength(0);
            if (logical.startsWith("[") && logical.endsWith("]")) {
                section = logical.substring(1, logical.length() - 1);
                continue;
            }
            int eq = logical.indexOf('=');
            assertTrue(eq > 0, rel(file) + ": not Key=value: " + logical);
            unit.computeIfAbsent(section + "." + logical.substring(0, eq).strip(), k -> new ArrayList<>())
                    .add(logical.substring(eq + 1).strip().replaceAll("\\s+", " "));
        }
        return unit;
    }

    static Set<String> words(List<String> values) {
        Set<String> words = new LinkedHashSet<>();
        if (values != null) {
            values.forEach(v -> words.addAll(List.of(v.trim().split("\\s+"))));
        }
        return words;
    }
}
