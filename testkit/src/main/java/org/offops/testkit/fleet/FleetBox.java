package org.offops.testkit.fleet;

import org.offops.fleet.FleetSpec;
import org.offops.fleet.FleetSpecException;
import org.offops.fleet.FleetSpecReader;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.offops.testkit.ssh.ClientKey;
import org.offops.testkit.ssh.SshTestHost;
import org.offops.testkit.ssh.SshdSetup;

/**
 * The fleet-in-a-box: the hosts of a {@link FleetSpec} as real SSH hosts on this machine (root only).
 *
 * <p>Every host, server or container, gets:
 * <ul>
 *   <li>its own mount, UTS and PID namespaces: {@code unshare --mount --uts --pid --fork --mount-proc --propagation
 *   private}, with {@code <root>/<host>/{srv,mnt,etc/nginx,etc/stunnel,etc/fail2ban,etc/pve,etc/apache2,etc/systemd/system,var/log,var/lib,
 *   usr/local/sbin,run}} (and {@code /<pool>} on servers with datasets) bind-mounted over the real paths, and its
 *   hostname. A container's PID namespace is nested in its server's, so the Proxmox host sees its containers'
 *   processes (pct uses that). PID 1 of each host is a small init that reaps orphans (this machine's PID 1 does
 *   not) and ends every process of the host when the host stops;</li>
 *   <li>a real OpenSSH sshd ({@link SshTestHost}) on its own loopback address, port 22 or a free port, with its
 *   own pinned ed25519 host key, key-only root login for the box's client key, a minimal login environment
 *   ({@code PATH=/usr/local/sbin:...}, an empty HOME, {@code OFFOPS_ZFS_STATE=/var/lib/offops-zfs}) and a
 *   ForceCommand wrapper that applies injected faults;</li>
 *   <li>the stand-ins from the classpath directory {@code fleet/bin/} (systemctl, pct, and the zfs/zpool ones) in
 *   its {@code /usr/local/sbin}; {@code fleet/lib/} is shared by all hosts at {@code $OFFOPS_FLEET_LIB};</li>
 *   <li>the container's Proxmox mount points (from its server's {@code /etc/pve/lxc/<vmid>.conf}) bind-mounted
 *   from the server's dataset directories; and, unless {@link Builder#bootServices(boolean)} is off, its enabled
 *   units started.</li>
 * </ul>
 *
 * <p>Fault injection — what is real:
 * <ul>
 *   <li>{@link #down}/{@link #up}: the host's sshd is stopped (its open connections cut) and started again
 *   (same key and port); meanwhile connections are refused. The host's other processes (units) keep running.</li>
 *   <li>{@link #dropConnections}: SIGKILL to the sshd's per-connection processes: clients see the connection drop
 *   mid-command; the listener stays, so a reconnect works.</li>
 *   <li>{@link #slow}: the login wrapper sleeps that long before running each new command.</li>
 *   <li>{@link #failNext}: the next call of a program through PATH in a new command exits with the code (a shim
 *   goes first on PATH while the failure is pending; calls by absolute path are not caught).</li>
 *   <li>{@link #diskFull}: /srv, /var/log, /etc/nginx, /etc/stunnel and /etc/fail2ban of the host get ENOSPC
 *   from the kernel for every write (overlays on a full tmpfs); content stays readable. {@link #diskFree} undoes
 *   it. Stand-ins can also check /var/lib/offops-fleet/faults/disk-full.</li>
 *   <li>{@link #changeHostKey}: a new host key, sshd restarted: clients pinned to the old key refuse it.</li>
 * </ul>
 *
 * <p>{@link #stop()} stops sshds and every host's init, then checks /proc: nothing may remain in any host's PID
 * namespace or under the root ({@link #leftoverProcesses()}). One box per root at a time (a lock file in
 * {@code <root>/.box}); state under the root (keys, configs, releases, datasets) survives a restart.
 *
 * <p>Clients: {@link FleetHost#login()} (address, port, user, pinned fingerprint, client key) for the
 * {@code remote} module's executor; {@link #ssh()} for the OpenSSH client; {@link #exec} to look inside a host
 * without SSH.
 */
public final class FleetBox implements AutoCloseable {

    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9_./@+-]*");
    private static final Pattern PROGRAM = Pattern.compile("[A-Za-z0-9_.+-]{1,64}");
    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    static final String ZFS_STATE = "/var/lib/offops-zfs";

    private final FleetSpec spec;
    private final HostLayout layout;
    private final int sshPort;
    private final int loopbackNet;
    private final boolean bootServices;
    private final Map<String, FleetHost> hosts = new LinkedHashMap<>();
    private final Set<String> pidNamespaces = ConcurrentHashMap.newKeySet();
    private final Map<String, Duration> startTimes = new ConcurrentHashMap<>();
    private final Map<String, Process> masters = new ConcurrentHashMap<>();
    private final Map<String, Object> masterLocks = new ConcurrentHashMap<>();
    private ClientKey clientKey;
    private java.nio.channels.FileChannel lockChannel;
    private java.nio.channels.FileLock lock;
    private volatile boolean stopped;

    private FleetBox(Builder builder, Path root) {
        this.spec = builder.spec;
        this.sshPort = builder.sshPort;
        this.loopbackNet = builder.loopbackNet;
        this.bootServices = builder.bootServices;
        this.layout = new HostLayout(spec, root, this::effectiveAddress);
    }

    public static Builder builder(FleetSpec spec) {
        return new Builder(spec);
    }

    /** The fleet of {@code <repo>/deploy/fleet/off.yaml}, rooted at {@code <repo>/.offops/fleet}. */
    public static Builder fromRepo(Path repo) throws IOException {
        return builder(FleetSpecReader.readFromRepo(repo)).root(defaultRoot(repo));
    }

    public static Path defaultRoot(Path repo) {
        return repo.toAbsolutePath().normalize().resolve(".offops/fleet");
    }

    /** How to start a fleet box. */
    public static final class Builder {
        private final FleetSpec spec;
        private Path root;
        private final Set<String> only = new LinkedHashSet<>();
        private int sshPort = 22;
        private int loopbackNet = -1;
        private boolean bootServices = true;

        private Builder(FleetSpec spec) {
            this.spec = spec;
        }

        /** Where hosts keep their files; default {@code <repo>/.offops/fleet} of the repository above the cwd. */
        public Builder root(Path dir) {
            this.root = dir;
            return this;
        }

        /** Start only these hosts (their servers' namespaces come along, without sshd); default all. */
        public Builder hosts(String... names) {
            return hosts(List.of(names));
        }

        public Builder hosts(Collection<String> names) {
            names.forEach(spec::requireHost);
            only.addAll(names);
            return this;
        }

        /** sshd port on every host's address; 0 picks a free port per host. Default 22. */
        public Builder sshPort(int port) {
            this.sshPort = port;
            return this;
        }

        /**
         * Moves every address from 127.a.b.c to 127.{@code secondOctet}.b.c, so that a test's fleet does not collide
         * with another fleet on the same machine (e.g. the local stack's). Default: the fleet file's addresses.
         */
        public Builder loopbackNet(int secondOctet) {
            if (secondOctet < 0 || secondOctet > 255) {
                throw new IllegalArgumentException("second octet must be 0..255: " + secondOctet);
            }
            this.loopbackNet = secondOctet;
            return this;
        }

        /** Start each host's enabled units (its services in the fleet file) when it starts. Default true. */
        public Builder bootServices(boolean boot) {
            this.bootServices = boot;
            return this;
        }

        public FleetBox start() throws IOException {
            Path dir = root != null ? root : defaultRoot(org.offops.testkit.Repo.root());
            FleetBox box = new FleetBox(this, checkRoot(dir.toAbsolutePath().normalize()));
            try {
                box.startHosts(only.isEmpty() ? spec.hosts().stream().map(FleetSpec.Host::name).toList()
                        : List.copyOf(only));
            } catch (IOException | RuntimeException e) {
                box.stop();
                throw e;
            }
            return box;
        }


        private Path checkRoot(Path dir) throws IOException {
            if (!SAFE_PATH.matcher(dir.toString()).matches()) {
                throw new IOException("fleet root must be a plain path ([A-Za-z0-9_./@+-]): " + dir);
            }
            Set<String> hidden = new LinkedHashSet<>(HostLayout.BOUND);
            spec.datasets().forEach(d -> hidden.add(d.pool()));
            for (String bound : hidden) {
                if (dir.startsWith(Path.of("/" + bound))) {
                    throw new IOException("fleet root " + dir + " is under /" + bound
                            + ", which every host replaces with its own");
                }
            }
            return Files.createDirectories(dir);
        }
    }

    public FleetSpec spec() {
        return spec;
    }

    public Path root() {
        return layout.root();
    }

    /** A started host (with or without sshd). */
    public FleetHost host(String name) {
        FleetHost host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException("host " + name + " is not started; started: " + hosts.keySet());
        }
        return host;
    }

    /** The hosts with an sshd, servers first, in fleet-file order. */
    public List<FleetHost> hosts() {
        return hosts.values().stream().filter(h -> h.ssh).toList();
    }

    /** The private key every host authorizes (ed25519, no passphrase). */
    public Path clientKey() {
        return clientKey.privateKey();
    }

    /** A known_hosts file with every sshd host's current key ({@code [address]:port ssh-ed25519 ...}). */
    public Path knownHosts() {
        return layout.root().resolve(".box/known_hosts");
    }

    /** An OpenSSH client pinned to {@link #knownHosts()} as it is now. */
    public FleetSsh ssh() {
        return new FleetSsh(this, knownHosts());
    }

    Map<String, Process> masters() {
        return masters;
    }

    Object masterLock(String key) {
        return masterLocks.computeIfAbsent(key, k -> new Object());
    }

    /** How long each host took to start: "<host> namespace", "<host> boot", "<host> sshd". */
    public Map<String, Duration> startTimes() {
        return Map.copyOf(startTimes);
    }

    // ---------------------------------------------------------------------------------------------- starting

    private String effectiveAddress(String address) {
        if (loopbackNet < 0) {
            return address;
        }
        String[] octets = address.split("\\.");
        return "127." + loopbackNet + "." + octets[2] + "." + octets[3];
    }

    /** One fleet box per root at a time, across processes: the root's .box/lock is held until stop(). */
    private void lockRoot() throws IOException {
        Path file = Files.createDirectories(layout.root().resolve(".box")).resolve("lock");
        lockChannel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // this JVM already runs a box on this root
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            throw new IOException("fleet root " + layout.root() + " is in use by another fleet box (" + file
                    + " is locked); stop it or choose another root");
        }
    }

    /** The Debian packages the fleet-in-a-box runs, checked before anything starts. */
    private static void requireTools(Collection<FleetSpec.Host> hosts) throws IOException {
        Map<String, String> tools = new LinkedHashMap<>();
        tools.put("/usr/sbin/sshd", "openssh-server");
        tools.put("/usr/bin/ssh-keygen", "openssh-client");
        tools.put("/usr/bin/unshare", "util-linux");
        tools.put("/usr/bin/nsenter", "util-linux");
        tools.put("/usr/bin/perl", "perl-base");
        tools.put("/usr/bin/flock", "util-linux");
        boolean nginx = hosts.stream().anyMatch(h -> h.services().stream()
                .anyMatch(u -> u.equals("nginx") || u.startsWith("apache2")));
        if (nginx) {
            tools.put("/usr/sbin/nginx", "nginx-light (or nginx)");
        }
        if (hosts.stream().anyMatch(h -> h.services().contains("fail2ban"))) {
            tools.put("/usr/bin/fail2ban-server", "fail2ban");
        }
        if (hosts.stream().anyMatch(h -> h.services().stream().anyMatch(u -> u.startsWith("stunnel@")))) {
            tools.put("/usr/bin/stunnel4", "stunnel4");
        }
        List<String> missing = new ArrayList<>();
        tools.forEach((tool, pkg) -> {
            if (!Files.isExecutable(Path.of(tool))) {
                missing.add(tool + " (" + pkg + ")");
            }
        });
        if (!missing.isEmpty()) {
            throw new IOException("the fleet-in-a-box needs " + String.join(", ", missing)
                    + ": apt-get install -y openssh-server nginx-light stunnel4 fail2ban");
        }
    }

    private void startHosts(List<String> wanted) throws IOException {
        requireTools(wanted.stream().map(spec::requireHost).toList());
        lockRoot();
        FleetResources.copyTree("fleet/bin", layout.bin());
        FleetResources.copyTree("fleet/lib", layout.lib());
        clientKey = ClientKey.reuseOrGenerate(layout.root().resolve(".box/client"));

        Set<String> withSsh = new LinkedHashSet<>(wanted);
        Set<String> namespaces = new LinkedHashSet<>();
        for (FleetSpec.Host host : spec.hosts()) {
            if (withSsh.contains(host.name())) {
                namespaces.add(host.name());
                if (host instanceof FleetSpec.Container c) {
                    namespaces.add(c.server());
                }
            }
        }
        for (FleetSpec.Host host : spec.hosts()) {
            if (namespaces.contains(host.name())) {
                hosts.put(host.name(), new FleetHost(host, effectiveAddress(host.ssh()), layout,
                        withSsh.contains(host.name())));
            }
        }
        List<FleetHost> servers = hosts.values().stream().filter(FleetHost::isServer).toList();
        List<FleetHost> containers = hosts.values().stream().filter(FleetHost::isContainer).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(8, hosts.size())));
        try {
            // servers first: provisioning writes their containers' pve configs and dataset directories
            parallel(pool, servers, this::provisionAndStart);
            parallel(pool, containers, this::provisionAndStart);
            parallel(pool, hosts(), this::startSshd);
        } finally {
            pool.shutdownNow();
        }
        writeKnownHosts();
    }

    private interface HostStep {
        void run(FleetHost host) throws IOException;
    }

    private static void parallel(ExecutorService pool, List<FleetHost> hosts, HostStep step) throws IOException {
        List<Future<?>> futures = new ArrayList<>();
        for (FleetHost host : hosts) {
            futures.add(pool.submit(() -> {
                step.run(host);
                return null;
            }));
        }
        IOException failure = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                IOException io = cause instanceof IOException ioe ? ioe : new IOException(cause.getMessage(), cause);
                if (failure == null) {
                    failure = io;
                } else {
                    failure.addSuppressed(io);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting hosts", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void provisionAndStart(FleetHost host) throws IOException {
        long start = System.nanoTime();
        layout.provision(host.spec());
        startNamespace(host);
        startTimes.put(host.name() + " namespace", Duration.ofNanos(System.nanoTime() - start));
        if (bootServices) {
            start = System.nanoTime();
            boot(host);
            startTimes.put(host.name() + " boot", Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void startNamespace(FleetHost host) throws IOException {
        String name = host.name();
        Path ready = layout.ready(name);
        Files.deleteIfExists(ready);
        List<String> command = new ArrayList<>();
        if (host.spec() instanceof FleetSpec.Container c) {
            command.addAll(List.of("nsenter", "--target", Long.toString(hosts.get(c.server()).initPid), "--pid",
                    "--"));
        }
        command.addAll(List.of("unshare", "--mount", "--uts", "--pid", "--fork", "--mount-proc",
                "--propagation", "private", layout.lib().resolve("fleet-box/host-init").toString(),
                layout.dir(name).toString(), name));
        Path log = layout.box(name).resolve("init.log");
        Process launcher = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        host.launcher = launcher;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Files.exists(ready)) {
            if (!launcher.isAlive()) {
                throw new IOException("host " + name + " did not start (exit " + launcher.exitValue() + "): "
                        + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("host " + name + " not ready within 10 s: " + Files.readString(log));
            }
            pause(5);
        }
        ProcessHandle init = FleetProcesses.descendant(launcher, "offops-fleet-host:" + name)
                .orElseThrow(() -> new IOException("host " + name + ": init process not found"));
        host.initPid = init.pid();
        host.pidNamespace = FleetProcesses.pidNamespace(init.pid());
        pidNamespaces.add(host.pidNamespace);
        if (host.spec() instanceof FleetSpec.Container c) {
            long[] pids = FleetProcesses.namespacePids(init.pid());
            // outermost: this machine; then the server's namespace; then the container's own (1)
            layout.writeContainerEnv(c, Long.toString(pids[pids.length - 2]));
        }
    }

    private void boot(FleetHost host) throws IOException {
        List<String> units;
        try (Stream<Path> files = Files.list(host.dir().resolve(HostLayout.UNITS))) {
            units = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".enabled"))
                    .map(f -> f.substring(0, f.length() - ".enabled".length())).sorted().toList();
        }
        if (units.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("env", "OFFOPS_STANDIN_NOLOG=1", "/usr/local/sbin/systemctl",
                "start"));
        command.addAll(units);
        FleetSsh.Result result = exec(host.name(), command, Duration.ofSeconds(60));
        if (!result.ok()) {
            // a real host boots even when a unit fails; say so, the unit shows "failed"
            System.err.println("fleet-in-a-box: " + host.name() + ": booting " + units + " failed: "
                    + result.stderr().strip());
        }
    }

    private void startSshd(FleetHost host) throws IOException {
        long start = System.nanoTime();
        String lib = layout.lib().toString();
        String env = "HOME=" + layout.sshdDir(host.name()).resolve("home") + " PATH=" + PATH + " LANG=C.UTF-8"
                + " OFFOPS_ZFS_STATE=" + ZFS_STATE + " OFFOPS_FLEET_HOST=" + host.name() + " OFFOPS_FLEET_LIB=" + lib;
        SshdSetup setup = SshdSetup.at(host.address())
                .withPort(host.port != 0 ? host.port : sshPort)
                .withClientKey(clientKey)
                .withDirectory(layout.sshdDir(host.name()))
                .withLaunchPrefix(List.of("nsenter", "--target", Long.toString(host.initPid), "--mount", "--uts",
                        "--pid", "--wd=/", "--"))
                .withExtraConfig(List.of(
                        "# fleet-in-a-box: the host's login environment and fault wrapper",
                        "Match all",
                        "    SetEnv " + env,
                        "    ForceCommand " + lib + "/fleet-box/login"));
        SshTestHost sshd = SshTestHost.start(setup);
        host.sshd = sshd;
        host.port = sshd.port();
        host.fingerprint = sshd.hostKeyFingerprint();
        startTimes.put(host.name() + " sshd", Duration.ofNanos(System.nanoTime() - start));
    }

    private synchronized void writeKnownHosts() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (FleetHost host : hosts()) {
            Path publicKey = layout.sshdDir(host.name()).resolve("ssh_host_ed25519_key.pub");
            if (host.port == 0 || !Files.exists(publicKey)) {
                continue;
            }
            String[] key = Files.readString(publicKey).trim().split("\\s+");
            String where = host.port == 22 ? host.address() : "[" + host.address() + "]:" + host.port;
            lines.append(where).append(' ').append(key[0]).append(' ').append(key[1]).append('\n');
        }
        HostLayout.write(knownHosts(), lines.toString());
    }

    // ---------------------------------------------------------------------------------------------- in-host exec

    /**
     * Runs a program inside a host's namespaces directly (nsenter, no SSH), with the login environment. For test
     * set-up and inspection; the systems under test go through SSH.
     */
    public FleetSsh.Result exec(String host, List<String> command, Duration timeout) {
        FleetHost target = host(host);
        List<String> argv = new ArrayList<>(List.of("nsenter", "--target", Long.toString(target.initPid), "--mount",
                "--uts", "--pid", "--wd=/", "--", "env", "-i", "PATH=" + PATH, "LANG=C.UTF-8",
                "HOME=" + layout.sshdDir(host).resolve("home"), "OFFOPS_ZFS_STATE=" + ZFS_STATE,
                "OFFOPS_FLEET_HOST=" + host, "OFFOPS_FLEET_LIB=" + layout.lib()));
        argv.addAll(command);
        return FleetSsh.execute(host, String.join(" ", command), argv, null, timeout);
    }

    /** {@link #exec(String, List, Duration)} of {@code bash -c <shellLine>}. */
    public FleetSsh.Result exec(String host, String shellLine) {
        return exec(host, List.of("bash", "-c", shellLine), Duration.ofSeconds(60));
    }

    // ---------------------------------------------------------------------------------------------- faults

    /** Stops the host's sshd: new connections are refused. */
    public synchronized void down(String name) {
        stopSshd(sshHost(name));
    }

    /**
     * Stops a host's sshd so that every process ends inside the host's PID namespace: first the per-connection
     * processes (reaped by the listener), then the listener (reaped by its nsenter launcher), then the launcher.
     * Killing the launcher first would hand the listener to this machine's PID 1, which reaps late (about 1 s),
     * and the host's PID namespace could not end until then.
     */
    private static void stopSshd(FleetHost host) {
        SshTestHost sshd = host.sshd;
        if (sshd == null) {
            return;
        }
        ProcessHandle.of(sshd.pid()).ifPresent(launcher -> launcher.children().forEach(listener -> {
            List<ProcessHandle> sessions = listener.children().toList();
            sessions.forEach(ProcessHandle::destroyForcibly);
            sessions.forEach(session -> FleetProcesses.awaitEnd(session.pid(), 2000));
            listener.destroy();
            FleetProcesses.awaitEnd(launcher.pid(), 5000);
        }));
        sshd.stop();
    }

    /** Starts the host's sshd again, same address, port and host key. */
    public synchronized void up(String name) throws IOException {
        FleetHost host = sshHost(name);
        if (!host.isUp()) {
            startSshd(host);
        }
    }

    /** Kills the sshd's per-connection processes (SIGKILL): open connections drop, even mid-command. */
    public void dropConnections(String name) {
        FleetHost host = sshHost(name);
        SshTestHost sshd = host.sshd;
        if (sshd == null) {
            return;
        }
        ProcessHandle.of(sshd.pid()).ifPresent(launcher -> launcher.children()
                .flatMap(ProcessHandle::children)
                .forEach(ProcessHandle::destroyForcibly));
    }

    /** Every new command on the host first waits {@code delay}; {@link Duration#ZERO} ends it. */
    public void slow(String name, Duration delay) throws IOException {
        Path file = host(name).dir().resolve(HostLayout.FAULTS).resolve("slow");
        if (delay.isZero() || delay.isNegative()) {
            Files.deleteIfExists(file);
        } else {
            HostLayout.write(file, String.format(Locale.ROOT, "%.3f%n", delay.toMillis() / 1000.0));
        }
    }

    /**
     * The next call of {@code program} (by name, through PATH, in a command started after this call) on the host
     * exits with {@code exitCode} without running, and prints "&lt;program&gt;: failure injected ..." on stderr.
     */
    public void failNext(String name, String program, int exitCode) throws IOException {
        if (!PROGRAM.matcher(program).matches()) {
            throw new IllegalArgumentException("not a program name: " + program);
        }
        if (exitCode < 0 || exitCode > 255) {
            throw new IllegalArgumentException("exit code must be 0..255: " + exitCode);
        }
        Path faults = host(name).dir().resolve(HostLayout.FAULTS);
        Path shim = faults.resolve("bin").resolve(program);
        Files.copy(layout.lib().resolve("fleet-box/fault-shim"), shim,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        HostLayout.write(faults.resolve("fail-next").resolve(program), exitCode + "\n");
    }

    /** Makes the host's /srv, /var/log, /etc/nginx, /etc/stunnel and /etc/fail2ban refuse writes with ENOSPC. */
    public void diskFull(String name) {
        inHostOrThrow(name, layout.lib().resolve("fleet-box/disk-full") + " on");
    }

    /** Ends {@link #diskFull}. */
    public void diskFree(String name) {
        inHostOrThrow(name, layout.lib().resolve("fleet-box/disk-full") + " off");
    }

    /** Removes every injected fault of the host (slow, pending failures, full disk). */
    public void clearFaults(String name) throws IOException {
        diskFree(name);
        Path faults = host(name).dir().resolve(HostLayout.FAULTS);
        Files.deleteIfExists(faults.resolve("slow"));
        try (Stream<Path> pending = Files.list(faults.resolve("fail-next"))) {
            for (Path file : pending.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Gives the host a new ed25519 host key and restarts its sshd. Returns the new fingerprint; {@link #knownHosts()}
     * is rewritten, so keep a copy of it (or the old fingerprint) to act as a client that pinned the old key.
     */
    public synchronized String changeHostKey(String name) throws IOException {
        FleetHost host = sshHost(name);
        down(name);
        Path dir = layout.sshdDir(name);
        Files.deleteIfExists(dir.resolve("ssh_host_ed25519_key"));
        Files.deleteIfExists(dir.resolve("ssh_host_ed25519_key.pub"));
        startSshd(host);
        writeKnownHosts();
        return host.fingerprint;
    }

    private void inHostOrThrow(String name, String shellLine) {
        FleetSsh.Result result = exec(name, shellLine);
        if (!result.ok()) {
            throw new IllegalStateException(name + ": " + shellLine + " failed (" + result.exitCode() + "): "
                    + result.stderr().strip());
        }
    }

    private FleetHost sshHost(String name) {
        FleetHost host = host(name);
        if (!host.ssh) {
            throw new IllegalArgumentException("host " + name + " was started without sshd (only as a container's "
                    + "server); start it explicitly");
        }
        return host;
    }

    // ---------------------------------------------------------------------------------------------- stopping

    /**
     * Processes that still belong to this fleet: in a host's PID namespace, or with a working directory or command
     * line under the root. Empty after {@link #stop()}.
     */
    public List<String> leftoverProcesses() {
        return FleetProcesses.belongingTo(layout.root(), pidNamespaces).stream().map(Object::toString).toList();
    }

    /** The PID namespaces of the hosts started so far (as /proc/PID/ns/pid names them). */
    public Set<String> pidNamespaces() {
        return Set.copyOf(pidNamespaces);
    }

    /**
     * Stops every sshd, then every host's init (containers first): the init sends SIGTERM to all of the host's
     * processes, waits up to 3 s, and the kernel kills what is left when it exits. Finally checks /proc and kills,
     * by PID, anything that still belongs to the fleet. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        masters.values().forEach(master -> {
            master.destroy();
            if (!FleetProcesses.waitFor(master, 2000)) {
                master.destroyForcibly();
            }
        });
        List<FleetHost> all = new ArrayList<>(hosts.values());
        eachAtOnce(all, FleetBox::stopSshd);
        eachAtOnce(all.stream().filter(FleetHost::isContainer).toList(), FleetBox::stopInit);
        eachAtOnce(all.stream().filter(FleetHost::isServer).toList(), FleetBox::stopInit);
        for (FleetHost host : all) {
            if (host.spec() instanceof FleetSpec.Container c && Files.isDirectory(layout.dir(c.server()))) {
                try {
                    layout.writeContainerEnv(c, "");
                } catch (IOException ignored) {
                    // the server's directory is gone: nothing to record
                }
            }
        }
        if (lock != null) {
            // only the box that owns the root may end what still runs under it
            for (FleetProcesses.Info leftover : FleetProcesses.belongingTo(layout.root(), pidNamespaces)) {
                FleetProcesses.kill(leftover.pid());
            }
        }
        if (lockChannel != null) {
            try {
                lockChannel.close(); // releases the lock
            } catch (IOException ignored) {
                // the process is ending the box anyway
            }
        }
    }

    /** Runs {@code action} for every host, each on its own thread (stopping is mostly waiting). */
    private static void eachAtOnce(List<FleetHost> hosts, java.util.function.Consumer<FleetHost> action) {
        List<Thread> threads = new ArrayList<>();
        for (FleetHost host : hosts) {
            Thread thread = new Thread(() -> action.accept(host), "stop-" + host.name());
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void stopInit(FleetHost host) {
        Process launcher = host.launcher;
        if (launcher == null) {
            return;
        }
        // the init's exit ends unshare (and nsenter): wait on the launcher, our child, which is reaped at once
        ProcessHandle init = host.initPid > 0 ? ProcessHandle.of(host.initPid).orElse(null) : null;
        if (init != null) {
            init.destroy();
            if (!FleetProcesses.waitFor(launcher, 6000)) {
                init.destroyForcibly();
            }
        }
        if (!FleetProcesses.waitFor(launcher, 3000)) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            FleetProcesses.waitFor(launcher, 3000);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
