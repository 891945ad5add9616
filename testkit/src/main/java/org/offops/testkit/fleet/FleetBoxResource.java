package org.offops.testkit.fleet;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.offops.fleet.FleetSpecReader;
import org.offops.testkit.Repo;
import org.offops.testkit.TempDirs;
import org.offops.testkit.SharedInfra;

/**
 * Starts a fleet box for a @QuarkusTest, announces its hosts on offops.inventory (so the service's fleet view pins
 * their keys) and points {@code offops.ssh.key} at the box's client key.
 *
 * <p>Init args: {@code hosts} (comma-separated names from deploy/fleet/off.yaml; default every host) and
 * {@code net} (the second octet of the box's 127.N.0.0/16; default random in 100..199). Use after
 * {@code OffopsTestResource}; the running box is {@link #box()}.
 */
public class FleetBoxResource implements QuarkusTestResourceLifecycleManager {

    private static volatile FleetBox current;

    private List<String> hosts = List.of();
    private int net = 100 + ThreadLocalRandom.current().nextInt(100);
    private FleetBox box;

    /** The box of the running test application. */
    public static FleetBox box() {
        FleetBox running = current;
        if (running == null) {
            throw new IllegalStateException("no fleet box: annotate the test with @WithTestResource(FleetBoxResource.class)");
        }
        return running;
    }

    @Override
    public void init(Map<String, String> args) {
        String names = args.getOrDefault("hosts", "");
        hosts = names.isBlank() ? List.of() : Arrays.stream(names.split(",")).map(String::trim).toList();
        if (args.containsKey("net")) {
            net = Integer.parseInt(args.get("net"));
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            Path root = Files.createTempDirectory("fleet-svc-");
            FleetBox.Builder builder = FleetBox.builder(FleetSpecReader.read(Repo.fleetFile()))
                    .root(root).loopbackNet(net).sshPort(22);
            if (!hosts.isEmpty()) {
                builder.hosts(hosts);
            }
            box = builder.start();
            current = box;
            FleetInventory.publish(SharedInfra.kafkaBootstrap(), box);
            return Map.of("offops.ssh.key", box.clientKey().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fleet box", e);
        }
    }

    @Override
    public void stop() {
        current = null;
        if (box != null) {
            box.stop();
            try {
                TempDirs.deleteTree(box.root());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

}
