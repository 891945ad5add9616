// Benchmark of proxy-service's apply path on the fleet-in-a-box (run by bench/proxy/run.sh, never by the tests):
// (1) render + read live + plan + push + nginx -t + reload of 500 sites, and the git record of the files;
// (2) requests dropped while the proxy reloads under steady load from wrk (a second process on loopback).
// It prints figures; it asserts nothing.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.offops.fleet.FleetSpecReader;
import org.offops.proxy.domain.CacheSettings;
import org.offops.proxy.domain.DesiredState;
import org.offops.proxy.domain.ListenMode;
import org.offops.proxy.domain.ProxyConfig;
import org.offops.proxy.domain.ProxyPlan;
import org.offops.proxy.domain.ProxyPlanner;
import org.offops.proxy.domain.RenderSettings;
import org.offops.proxy.domain.RenderedConfig;
import org.offops.proxy.domain.Site;
import org.offops.proxy.domain.SiteKind;
import org.offops.proxy.exec.ApplyOutcome;
import org.offops.proxy.exec.RemoteProxy;
import org.offops.remote.RemoteHost;
import org.offops.remote.git.ConfigRepository;
import org.offops.remote.sshj.SshjExecutor;
import org.offops.remote.sshj.SshjSettings;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetHost;

public class ProxyBench {

    public static void main(String[] args) throws Exception {
        int sites = Integer.getInteger("bench.sites", 500);
        int loadSeconds = Integer.getInteger("bench.loadSeconds", 15);
        Path repo = Path.of(System.getProperty("bench.repo", ".")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(repo.resolve("bench/proxy/.work"));
        Path root = Files.createTempDirectory(work, "fleet-");
        FleetBox box = FleetBox.builder(FleetSpecReader.readFromRepo(repo)).root(root).loopbackNet(89).sshPort(22)
                .hosts("proxy", "off").start();
        try (SshjExecutor ssh = new SshjExecutor(SshjSettings.withKey(box.clientKey()))) {
            FleetHost proxyHost = box.host("proxy");
            RemoteHost proxy = new RemoteHost("proxy", proxyHost.address(), proxyHost.port(), "root",
                    proxyHost.hostKeyFingerprint());
            String upstream = box.host("off").address();
            RemoteProxy remote = new RemoteProxy(ssh);
            RenderSettings settings = new RenderSettings(ListenMode.plain(proxyHost.address(), 80), "/var/lib/nginx",
                    "/var/lib/nginx/html", "dummy", "/var/log/nginx");
            System.out.printf("machine: %d cores; %d sites; proxy %s, backend %s%n",
                    Runtime.getRuntime().availableProcessors(), sites, proxyHost.address(), upstream);

            Map<String, String> applied = Map.of();
            for (String round : List.of("create", "update", "unchanged")) {
                List<Site> all = sites(sites, 80, round.equals("create") ? 0 : 1);
                long t0 = System.nanoTime();
                RenderedConfig config = new ProxyConfig(settings).render("proxy", proxyHost.address(),
                        new DesiredState(all, List.of()).sitesOn("proxy"), List.of(), c -> upstream);
                long t1 = System.nanoTime();
                List<String> paths = new ArrayList<>(config.files().keySet());
                Map<String, String> live = remote.read(proxy, paths);
                ProxyPlan plan = ProxyPlanner.plan(config, live, applied.keySet());
                long t2 = System.nanoTime();
                ApplyOutcome outcome = plan.changesAnything() ? remote.apply(proxy, plan) : new ApplyOutcome(true, null);
                long t3 = System.nanoTime();
                if (!outcome.applied()) {
                    throw new IllegalStateException("refused: " + outcome.message());
                }
                applied = config.files();
                System.out.printf("%-9s render %5d ms | read live + plan %5d ms | push + nginx -t + reload %5d ms"
                        + " | %d files changed | total %5d ms%n", round, ms(t0, t1), ms(t1, t2), ms(t2, t3),
                        plan.writes().size(), ms(t0, t3));
                if (round.equals("create")) {
                    Path bare = work.resolve("infrastructure.git");
                    if (!Files.exists(bare)) {
                        ConfigRepository.initBare(bare);
                    }
                    try (ConfigRepository git = new ConfigRepository(bare.toString(), root.resolve("clone"))) {
                        Map<String, byte[]> bytes = new java.util.LinkedHashMap<>();
                        config.files().forEach((p, c) -> bytes.put(p, c.getBytes()));
                        long g0 = System.nanoTime();
                        git.commit("proxy", bytes, "bench-" + System.nanoTime(), "bench: " + sites + " sites");
                        System.out.printf("          git record of %d files %5d ms%n", bytes.size(), ms(g0, System.nanoTime()));
                    }
                }
            }

            // (2) steady load from wrk while the proxy reloads again and again: with keep-alive connections (idle
            // ones closed by the old workers count as wrk read errors; browsers retry those) and with a new
            // connection per request (any error there is a request the proxy really dropped)
            for (boolean keepAlive : List.of(true, false)) {
                List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d" + loadSeconds + "s",
                        "-H", "Host: site-0.example.org"));
                if (!keepAlive) {
                    command.addAll(List.of("-H", "Connection: close"));
                }
                command.add("http://" + proxyHost.address() + ":80/version");
                Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(loadSeconds - 2);
                Thread.sleep(1000);
                int reloads = 0;
                int flip = 0;
                while (System.nanoTime() < end) {
                    flip ^= 1;
                    RenderedConfig config = new ProxyConfig(settings).render("proxy", proxyHost.address(),
                            sites(sites, 80, 1 + flip), List.of(), c -> upstream);
                    ProxyPlan plan = ProxyPlanner.plan(config, Map.of(), Set.of());
                    ProxyPlan onlySite0 = new ProxyPlan("proxy", plan.files().stream()
                            .filter(f -> f.path().endsWith("/site-0")).toList());
                    if (!remote.apply(proxy, onlySite0).applied()) {
                        throw new IllegalStateException("reload refused");
                    }
                    reloads++;
                }
                String report = new String(wrk.getInputStream().readAllBytes());
                wrk.waitFor();
                System.out.printf("%nreload under load (%s): %d reloads (nginx -t + SIGHUP each) during %d s of: %s%n",
                        keepAlive ? "keep-alive" : "Connection: close", reloads, loadSeconds, String.join(" ", command));
                System.out.print(report);
                if (!report.contains("Socket errors") && !report.contains("Non-2xx")) {
                    System.out.println("  dropped: none (no socket errors, no non-2xx answers)");
                }
            }
        } finally {
            box.stop();
            new ProcessBuilder("rm", "-rf", "--one-file-system", root.toString()).inheritIO().start().waitFor();
        }
    }

    /** {@code count} sites on the proxy, all forwarding to the off backend; {@code variant} changes each file. */
    static List<Site> sites(int count, int port, int variant) {
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sites.add(new Site("site-" + i, SiteKind.PROXY, "proxy", "off", "off", port,
                    List.of("site-" + i + ".example.org"), true, null, new CacheSettings(300, 5 + variant), null,
                    List.of("bench-bot/" + variant), List.of(), null, false, null));
        }
        return sites;
    }

    static long ms(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }
}
