package org.offops.testkit.fleet;

import org.offops.fleet.FleetSpec;
import org.offops.fleet.FleetSpecException;
import org.offops.fleet.FleetSpecReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.offops.testkit.release.ProductOpenerStandIn;

/**
 * Runs the fleet-in-a-box in the foreground until SIGTERM or Ctrl-C (for ./offops up), then stops it.
 * <p>Arguments: [--repo DIR] [--spec FILE] [--root DIR] [--hosts a,b,...] [--port N] [--loopback-net N] [--no-boot]
 * [--inventory FILE] [--product-opener DIR]. Defaults: the repository above the working directory, its deploy/fleet/off.yaml, root
 * {@code <repo>/.offops/fleet}, every host, port 22, the fleet file's addresses, units booted, inventory
 * {@code <root>/inventory.tsv}.
 * <p>The inventory has one line per host: name, type (server|container), address, port, user, SHA256 host key
 * fingerprint, client key path, tab-separated, after a header line starting with '#'.
 * <p>With {@code --product-opener DIR}, the Product Opener stand-in ({@link ProductOpenerStandIn}) is created in
 * DIR (or reused), its release assets are served on loopback, the app containers are seeded at its first release,
 * and the asset server's address is written to {@code DIR/asset-base-url}.
 */
public final class FleetMain {

    private FleetMain() {
    }

    public static void main(String[] argv) throws IOException, InterruptedException {
        Map<String, String> args = parse(argv);
        Path repo = Path.of(args.getOrDefault("--repo", ".")).toAbsolutePath().normalize();
        FleetSpec spec = FleetSpecReader.read(args.containsKey("--spec") ? Path.of(args.get("--spec"))
                : repo.resolve(FleetSpecReader.REPO_PATH));
        Path root = args.containsKey("--root") ? Path.of(args.get("--root")) : FleetBox.defaultRoot(repo);
        FleetBox.Builder builder = FleetBox.builder(spec).root(root)
                .sshPort(Integer.parseInt(args.getOrDefault("--port", "22")))
                .bootServices(!args.containsKey("--no-boot"));
        if (args.containsKey("--hosts")) {
            builder.hosts(List.of(args.get("--hosts").split(",")));
        }
        if (args.containsKey("--loopback-net")) {
            builder.loopbackNet(Integer.parseInt(args.get("--loopback-net")));
        }
        long start = System.nanoTime();
        FleetBox box = builder.start();
        ProductOpenerStandIn standIn = args.containsKey("--product-opener")
                ? ProductOpenerStandIn.create(Path.of(args.get("--product-opener"))) : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            box.stop();
            if (standIn != null) {
                standIn.close();
            }
            stopped.countDown();
        }, "stop-fleet"));
        if (standIn != null) {
            standIn.seed(box);
            HostLayout.write(standIn.dir().resolve("asset-base-url"), standIn.assetBaseUrl() + "\n");
        }

        StringBuilder inventory = new StringBuilder("# name\ttype\taddress\tport\tuser\tfingerprint\tclient-key\n");
        for (FleetHost host : box.hosts()) {
            inventory.append(String.join("\t", host.name(), host.isServer() ? "server" : "container", host.address(),
                    Integer.toString(host.port()), host.user(), host.hostKeyFingerprint(),
                    box.clientKey().toString())).append('\n');
        }
        Path file = args.containsKey("--inventory") ? Path.of(args.get("--inventory"))
                : box.root().resolve("inventory.tsv");
        HostLayout.write(file.toAbsolutePath(), inventory.toString());
        System.out.printf("offops fleet-in-a-box ready: %d hosts in %d ms under %s; inventory in %s%n",
                box.hosts().size(), (System.nanoTime() - start) / 1_000_000, box.root(), file);
        stopped.await();
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (argv[i].equals("--no-boot")) {
                args.put(argv[i], "true");
            } else if (argv[i].startsWith("--") && i + 1 < argv.length) {
                args.put(argv[i], argv[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument: " + argv[i]
                        + " (see FleetMain's javadoc for the arguments)");
            }
        }
        return args;
    }
}
