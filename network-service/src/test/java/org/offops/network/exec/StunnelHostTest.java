package org.offops.network.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.offops.fleet.FleetSpecReader;
import org.offops.network.domain.ConfigRenderer;
import org.offops.network.domain.Link;
import org.offops.network.domain.Psk;
import org.offops.network.domain.PskGenerator;
import org.offops.network.domain.RenderSettings;
import org.offops.remote.RemoteException;
import org.offops.remote.RemoteFiles;
import org.offops.remote.RemoteHost;
import org.offops.remote.sshj.SshjExecutor;
import org.offops.remote.sshj.SshjSettings;
import org.offops.testkit.TempDirs;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetHost;

/** The host operations against real sshd + real stunnel4 in the fleet-in-a-box, without the service around them. */
class StunnelHostTest {

    private static FleetBox box;
    private static SshjExecutor ssh;
    private static StunnelHost stunnel;
    private static final ConfigRenderer RENDERER = new ConfigRenderer(RenderSettings.production());

    @BeforeAll
    static void start() throws Exception {
        box = FleetBox.builder(FleetSpecReader.read(org.offops.testkit.Repo.fleetFile()))
                .root(Files.createTempDirectory("network-host-")).hosts("ovh1", "proxy", "mongodb")
                .loopbackNet(71).start();
        ssh = new SshjExecutor(SshjSettings.withKey(box.clientKey()));
        stunnel = new StunnelHost(ssh, new RemoteFiles(ssh), RenderSettings.production());
    }

    @AfterAll
    static void stop() throws Exception {
        if (ssh != null) {
            ssh.close();
        }
        if (box != null) {
            Path root = box.root();
            box.stop();
            assertEquals(List.of(), box.leftoverProcesses());
            TempDirs.deleteTree(root);
        }
    }

    @Test
    void bytesCrossTheRenderedTunnelAndAWrongKeyIsRefused() throws Exception {
        Link link = new Link("echo", "ovh1", box.host("ovh1").address(), 17017, "proxy", 17017, "mongodb", 17017);
        Map<String, String> addresses = Map.of("ovh1", box.host("ovh1").address(), "proxy",
                box.host("proxy").address(), "mongodb", box.host("mongodb").address());
        Psk psk = new PskGenerator().next("echo");
        try (EchoServer echo = new EchoServer(box.host("mongodb").address(), 17017)) {
            for (String name : link.stunnelHosts()) {
                RemoteHost host = remote(name);
                stunnel.prepare(host);
                stunnel.writePsk(host, link.pskPath(), PskGenerator.file(List.of(psk)));
                String conf = RENDERER.render(name, List.of(link), addresses).offConf();
                stunnel.check(host, conf);
                stunnel.install(host, conf);
                stunnel.reload(host);
            }
            byte[] payload = "through the tunnel".getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(payload, EchoServer.roundTrip(box.host("ovh1").address(), 17017, payload));
            assertNull(stunnel.probe(remote("ovh1"), box.host("ovh1").address(), 17017));
            assertEquals("600 stunnel4", box.exec("proxy", "stat -c '%a %U' " + link.pskPath()).orThrow().stdout().strip());

            RemoteHost client = remote("ovh1");
            stunnel.writePsk(client, link.pskPath(), PskGenerator.file(List.of(new Psk(psk.identity(),
                    new PskGenerator().next("x").key()))));
            stunnel.reload(client);
            assertArrayEquals(new byte[0], EchoServer.roundTrip(box.host("ovh1").address(), 17017, payload));
            assertTrue(stunnel.probe(client, box.host("ovh1").address(), 17017).contains("closed"));
            assertTrue(stunnel.logTail(remote("proxy"), 50).contains("binder does not verify"),
                    stunnel.logTail(remote("proxy"), 50));
        }
    }

    @Test
    void aConfigStunnelRejectsIsNeverInstalled() {
        RemoteHost proxy = remote("proxy");
        stunnel.prepare(proxy);
        RemoteException refused = assertThrows(RemoteException.class,
                () -> stunnel.check(proxy, "foreground = yes\npid = /run/x.pid\n[bad]\nbogus = 1\n"));
        assertTrue(refused.getMessage().contains("stunnel refused the candidate"), refused.getMessage());
        assertTrue(refused.result().orElseThrow().stderrTail().contains("Specified option name is not valid here"),
                refused.result().orElseThrow().stderrTail());
        assertTrue(box.exec("proxy", "test ! -e /etc/stunnel/.off.conf.candidate").ok());
    }

    private static RemoteHost remote(String name) {
        FleetHost host = box.host(name);
        return new RemoteHost(name, host.address(), host.port(), "root", host.hostKeyFingerprint());
    }
}
