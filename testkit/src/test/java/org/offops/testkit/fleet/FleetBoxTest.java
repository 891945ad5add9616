package org.offops.testkit.fleet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fleet-in-a-box over real SSH (the OpenSSH client, host keys pinned): server off2 and containers off, obf and
 * proxy, each in its own namespaces, with the stand-ins.
 */
class FleetBoxTest {

    static FleetBox box;
    static FleetSsh ssh;
    static final List<Duration> commandTimes = new ArrayList<>();
    static long startMillis;

    @BeforeAll
    static void start() throws IOException {
        long start = System.nanoTime();
        box = FleetTesting.testBox("off2", "off", "obf", "proxy").start();
        startMillis = (System.nanoTime() - start) / 1_000_000;
        ssh = box.ssh();
    }

    @AfterAll
    static void stop() {
        if (box != null) {
            FleetTesting.stopAndDelete(box);
            System.out.printf("FleetBoxTest: 4 hosts started in %d ms (%s); %d ssh commands, median %d ms%n",
                    startMillis, box.startTimes(), commandTimes.size(), median());
        }
    }

    static FleetSsh.Result run(String host, String command) {
        FleetSsh.Result result = ssh.run(host, command);
        synchronized (commandTimes) {
            commandTimes.add(result.duration());
        }
        return result;
    }

    static FleetSsh.Result ok(String host, String command) {
        return run(host, command).orThrow();
    }

    static FleetSsh.Result write(String host, String path, String content) {
        FleetSsh.Result result = ssh.run(host, "mkdir -p \"$(dirname " + path + ")\" && cat > " + path,
                content.getBytes(UTF_8), Duration.ofSeconds(30));
        return result.orThrow();
    }

    static long median() {
        synchronized (commandTimes) {
            if (commandTimes.isEmpty()) {
                return 0;
            }
            List<Duration> sorted = commandTimes.stream().sorted().toList();
            return sorted.get(sorted.size() / 2).toMillis();
        }
    }

    static String addr(String host) {
        return box.host(host).address();
    }

    @Test
    void eachHostSeesItsOwnFilesAndHostname() throws IOException {
        for (String host : List.of("off2", "off", "obf", "proxy")) {
            ok(host, "hostname > /etc/stunnel/off.conf && hostname > /srv/whoami");
        }
        for (String host : List.of("off2", "off", "obf", "proxy")) {
            assertEquals(host + "\n" + host + "\n" + host + "\n",
                    ok(host, "hostname; cat /etc/stunnel/off.conf /srv/whoami").stdout());
            assertEquals(host + "\n", Files.readString(box.host(host).path("/etc/stunnel/off.conf")));
        }
        assertFalse(Files.exists(Path.of("/etc/stunnel/off.conf")), "the machine's own /etc/stunnel is untouched");
        assertFalse(Files.exists(Path.of("/srv/whoami")));

        // code and static trees only on the flavor's container; nginx config only where nginx runs
        List<String> offSrv = ok("off", "ls /srv").stdout().lines().toList();
        List<String> obfSrv = ok("obf", "ls /srv").stdout().lines().toList();
        assertTrue(offSrv.containsAll(List.of("off", "off-static", "whoami")) && !offSrv.contains("obf"), "" + offSrv);
        assertTrue(obfSrv.containsAll(List.of("obf", "obf-static", "whoami")) && !obfSrv.contains("off"), "" + obfSrv);
        assertTrue(ok("proxy", "cat /etc/nginx/nginx.conf").stdout().contains("include /etc/nginx/sites-enabled/*;"));
        assertEquals("", ok("off", "ls /etc/nginx").stdout());
        assertEquals(0, run("off2", "test -f /etc/pve/lxc/113.conf").exitCode());
        assertEquals(1, run("off", "test -f /etc/pve/lxc/113.conf").exitCode());

        // datasets: written on the server, seen through the container's mount point, and nowhere else
        ok("off2", "echo product-1 > /rpool/off/products/p1.json");
        assertEquals("product-1\n", ok("off", "cat /mnt/off/products/p1.json").stdout());
        assertEquals(List.of("images", "products", "users"), ok("obf", "ls /mnt/obf").stdout().lines().toList());
        assertEquals(1, run("obf", "test -e /mnt/off/products/p1.json").exitCode());
        assertEquals(2, run("proxy", "ls /mnt/off").exitCode());

        // a container's PID namespace shows only its own processes; its server sees them too
        String obfProcesses = ok("obf", "ps -e -o args").stdout();
        assertFalse(obfProcesses.contains("fail2ban"), obfProcesses);
        assertTrue(ok("off2", "ps -e -o args").stdout().contains("fail2ban-server"));
    }

    @Test
    void loginEnvironmentIsMinimalWithStandInsFirst() {
        String env = ok("off", "echo \"$PATH\"; echo \"$OFFOPS_ZFS_STATE\"; command -v systemctl pct zfs zpool; "
                + "echo \"${SSH_ORIGINAL_COMMAND-unset}\"").stdout();
        assertEquals(List.of("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "/var/lib/offops-zfs",
                "/usr/local/sbin/systemctl", "/usr/local/sbin/pct", "/usr/local/sbin/zfs", "/usr/local/sbin/zpool",
                "unset"), env.lines().toList());
    }

    @Test
    void restartingApache2ServesTheNewStaticTreeAndVersion() throws IOException {
        String off = addr("off");
        FleetTesting.Http initial = FleetTesting.get(off, 80, "off", "/");
        assertEquals(200, initial.status());
        assertTrue(initial.body().contains("fleet-in-a-box initial static tree"), initial.body());
        assertEquals("off", initial.header("X-Offops-Host"));

        ok("off", "mkdir -p /srv/off-static-releases/v2 && echo 'release v2' > /srv/off-static-releases/v2/index.html"
                + " && ln -sfn /srv/off-static-releases/v2 /srv/off-static.next && mv -T /srv/off-static.next /srv/off-static");
        // Apache loads the release at start: until the restart, the old tree is served
        assertTrue(FleetTesting.get(off, 80, "off", "/").body().contains("initial static tree"));

        ok("off", "cd /srv/off && git init -q && git -c user.email=t@example.org -c user.name=t commit -q "
                + "--allow-empty -m release && git tag v2.0.0");
        ok("off", "systemctl restart apache2");
        FleetTesting.Http released = FleetTesting.get(off, 80, "off", "/");
        assertEquals("release v2\n", released.body());
        assertEquals("/srv/off-static-releases/v2", released.header("X-Offops-Static"));
        assertEquals("v2.0.0\n", FleetTesting.get(off, 80, "off", "/version").body());
        assertEquals("v2.0.0", released.header("X-Offops-Version"));
        // apache2@priority is a second backend on port 8001, still on the tree it started with
        assertTrue(FleetTesting.get(off, 8001, "off", "/").body().contains("initial static tree"));
    }

    @Test
    void isActiveFollowsTheRealProcess() {
        assertEquals(new Outcome(0, "active\n"), outcome(run("obf", "systemctl is-active minion")));
        String pid = ok("obf", "systemctl show -p MainPID --value minion").stdout().strip();
        assertTrue(ok("obf", "ps -o args= -p " + pid).stdout().contains("offops-unit:minion"));

        ok("obf", "kill -9 " + pid);
        assertEquals(new Outcome(3, "failed\n"), outcome(run("obf", "systemctl is-active minion")));
        ok("obf", "systemctl start minion");
        assertEquals(new Outcome(0, "active\n"), outcome(run("obf", "systemctl is-active minion.service")));
        ok("obf", "systemctl stop minion");
        assertEquals(new Outcome(3, "inactive\n"), outcome(run("obf", "systemctl is-active minion")));
        assertEquals("0\n", run("obf", "ps -e -o args | grep -c '^offops-unit:minion'").stdout());
        ok("obf", "systemctl start minion");

        FleetSsh.Result unknown = run("obf", "systemctl restart nope");
        assertEquals(5, unknown.exitCode());
        assertEquals("Failed to restart nope.service: Unit nope.service not found.\n", unknown.stderr());
        assertEquals(new Outcome(3, "inactive\n"), outcome(run("obf", "systemctl is-active nope")));
        // nginx is not a unit of an app container
        assertEquals(5, run("obf", "systemctl start nginx").exitCode());
        FleetSsh.Result status = run("obf", "systemctl status apache2");
        assertEquals(0, status.exitCode());
        assertTrue(status.stdout().contains("Active: active (running)"), status.stdout());
    }

    @Test
    void standInCallsAreLoggedInOrder() throws IOException {
        ok("obf", "systemctl restart incron && systemctl is-active -q incron && systemctl stop incron "
                + "&& systemctl start incron.service");
        List<String> calls = box.host("obf").standinCalls();
        int i = calls.lastIndexOf("systemctl restart incron");
        assertTrue(i >= 0, calls.toString());
        assertEquals(List.of("systemctl restart incron", "systemctl is-active -q incron", "systemctl stop incron",
                "systemctl start incron.service"), calls.subList(i, i + 4));
        assertTrue(Files.readAllLines(box.host("obf").standinLog()).get(i)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z systemctl restart incron"));
    }

    @Test
    void pctSetWritesTheConfigAndHotplugsTheMount() throws IOException {
        ok("off2", "mkdir -p /rpool/off/cache && echo cached > /rpool/off/cache/c.txt");
        ok("off2", "pct set 113 -mp6 /rpool/off/cache,mp=/mnt/off/cache,backup=0");
        List<String> conf = Files.readAllLines(box.host("off2").path("/etc/pve/lxc/113.conf"));
        assertTrue(conf.get(0).startsWith("#"), "the description comment stays first");
        int mp5 = conf.indexOf("mp5: /rpool/off-pro/images,mp=/mnt/off-pro/images");
        assertEquals("mp6: /rpool/off/cache,mp=/mnt/off/cache,backup=0", conf.get(mp5 + 1));
        assertTrue(conf.get(mp5 + 2).startsWith("net0: "), conf.toString());
        List<String> keys = conf.stream().filter(l -> !l.startsWith("#")).map(l -> l.substring(0, l.indexOf(':')))
                .toList();
        assertEquals(keys.stream().sorted().toList(), keys, "keys sorted as Proxmox writes them");
        List<String> config = ok("off2", "pct config 113").stdout().lines().toList();
        assertTrue(config.contains("mp6: /rpool/off/cache,mp=/mnt/off/cache,backup=0"), config.toString());
        assertTrue(config.contains("description: offops fleet-in-a-box app container off (flavor off)"),
                config.toString());
        assertTrue(config.stream().noneMatch(l -> l.startsWith("#")), config.toString());
        assertEquals("cached\n", ok("off", "cat /mnt/off/cache/c.txt").stdout(), "hot-plugged into the container");

        FleetSsh.Result missingMp = run("off2", "pct set 113 -mp7 /rpool/off/cache");
        assertEquals(255, missingMp.exitCode());
        assertEquals("400 Parameter verification failed.\nmp7: invalid format - format error\n"
                + "mp7.mp: property is missing and it is not optional\n", missingMp.stderr());
        FleetSsh.Result missingSource = run("off2", "pct set 113 -mp7 /rpool/nope,mp=/mnt/nope");
        assertEquals(255, missingSource.exitCode());
        assertEquals("unable to hotplug mp7: mount point '/rpool/nope' does not exist\n", missingSource.stderr());
        assertFalse(Files.readString(box.host("off2").path("/etc/pve/lxc/113.conf")).contains("mp7"));
        FleetSsh.Result noConf = run("off2", "pct config 999");
        assertEquals(255, noConf.exitCode());
        assertEquals("Configuration file 'nodes/off2/lxc/999.conf' does not exist\n", noConf.stderr());

        ok("off2", "pct set 113 -delete mp6");
        assertFalse(Files.readString(box.host("off2").path("/etc/pve/lxc/113.conf")).contains("mp6"));
        assertEquals(1, run("off", "test -e /mnt/off/cache/c.txt").exitCode());
        assertEquals("status: running\n", ok("off2", "pct status 113").stdout());
        assertTrue(ok("off2", "pct list").stdout().lines().anyMatch(l -> l.matches("113\\s+running\\s+off\\s*")));
    }

    @Test
    void pctRebootRestartsTheContainersUnits() throws IOException {
        String before = ok("obf", "systemctl show -p MainPID --value apache2").stdout();
        int logged = box.host("obf").standinCalls().size();
        ok("off2", "pct reboot 111");
        List<String> calls = box.host("obf").standinCalls();
        List<String> reboot = calls.subList(logged, calls.size());
        assertEquals(2, reboot.size(), reboot.toString());
        assertTrue(reboot.get(0).startsWith("systemctl stop ") && reboot.get(0).contains("apache2"), reboot.toString());
        assertTrue(reboot.get(1).startsWith("systemctl start ") && reboot.get(1).contains("apache2"), reboot.toString());
        assertEquals("active\n", ok("obf", "systemctl is-active apache2").stdout());
        assertFalse(before.equals(ok("obf", "systemctl show -p MainPID --value apache2").stdout()));
        assertEquals("users\n", ok("obf", "ls /mnt/obf | grep users").stdout(), "mount points are back");
    }

    @Test
    void proxyNginxReloadsAndStunnelCarriesTraffic() throws IOException {
        String proxy = addr("proxy");
        String off = addr("off");
        assertEquals("active\nactive\n", ok("proxy", "systemctl is-active nginx fail2ban").stdout());
        write("proxy", "/etc/nginx/sites-enabled/off.conf", "server {\n listen " + proxy + ":80;\n"
                + " server_name world.openfoodfacts.org;\n location / { proxy_pass http://" + off + ":80; }\n}\n");
        ok("proxy", "systemctl reload nginx");
        FleetTesting.Http viaProxy = awaitStatus(proxy, 80, "world.openfoodfacts.org", 200);
        assertEquals("off", viaProxy.header("X-Offops-Host"));

        write("proxy", "/etc/nginx/sites-enabled/broken.conf", "server { listen nowhere");
        FleetSsh.Result broken = run("proxy", "systemctl reload nginx");
        assertEquals(1, broken.exitCode());
        assertTrue(broken.stderr().startsWith("Job for nginx.service failed"), broken.stderr());
        assertEquals("active\n", ok("proxy", "systemctl is-active nginx").stdout(), "the old config keeps serving");
        ok("proxy", "rm /etc/nginx/sites-enabled/broken.conf");

        // a real stunnel PSK link: client on off2, server on the proxy, target the off backend
        String psk = "e2e:" + "0123456789abcdef".repeat(2) + "\n";
        for (String host : List.of("proxy", "off2")) {
            write(host, "/etc/stunnel/psk/e2e-psk.txt", psk);
            ok(host, "chmod 600 /etc/stunnel/psk/e2e-psk.txt");
        }
        write("proxy", "/etc/stunnel/e2e.conf", "foreground = yes\npid = /run/stunnel-e2e/stunnel.pid\n"
                + "[backend]\naccept = " + proxy + ":27017\nconnect = " + off + ":80\nciphers = PSK\n"
                + "PSKsecrets = /etc/stunnel/psk/e2e-psk.txt\n");
        write("off2", "/etc/stunnel/e2e.conf", "foreground = yes\npid = /run/stunnel-e2e/stunnel.pid\n"
                + "[backend]\nclient = yes\naccept = " + addr("off2") + ":27017\nconnect = " + proxy + ":27017\n"
                + "ciphers = PSK\nPSKsecrets = /etc/stunnel/psk/e2e-psk.txt\n");
        ok("proxy", "systemctl start stunnel@e2e");
        ok("off2", "systemctl start stunnel@e2e");
        assertEquals("active\n", ok("off2", "systemctl is-active stunnel@e2e").stdout());
        assertEquals("off", awaitStatus(addr("off2"), 27017, "off", 200).header("X-Offops-Host"));
        ok("off2", "systemctl stop stunnel@e2e");
        assertEquals(3, run("off2", "systemctl is-active stunnel@e2e").exitCode());
        FleetSsh.Result missing = run("off2", "systemctl start stunnel@nothere");
        assertEquals(1, missing.exitCode());
        assertEquals("failed\n", run("off2", "systemctl is-active stunnel@nothere").stdout());
    }

    private static FleetTesting.Http awaitStatus(String address, int port, String host, int status) throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                FleetTesting.Http http = FleetTesting.get(address, port, host, "/");
                if (http.status() == status || System.nanoTime() > deadline) {
                    assertEquals(status, http.status(), http.headers());
                    return http;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    record Outcome(int exitCode, String stdout) {
    }

    static Outcome outcome(FleetSsh.Result result) {
        return new Outcome(result.exitCode(), result.stdout());
    }
}
