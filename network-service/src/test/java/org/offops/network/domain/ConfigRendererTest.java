package org.offops.network.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRendererTest {

    private static final Link MONGODB = new Link("mongodb", "ovh1", "127.0.0.1", 27017, "proxy", 27017, "mongodb", 27017);
    private static final Link MEMCACHED = new Link("memcached", "ovh1", "10.1.0.201", 11211, "proxy", 11211,
            "memcached", 11211);
    private static final Map<String, String> ADDRESSES = Map.of("ovh1", "127.0.0.41", "proxy", "127.0.0.101",
            "mongodb", "127.0.0.102", "memcached", "127.0.0.121");
    private static final ConfigRenderer RENDERER = new ConfigRenderer(RenderSettings.production());

    @Test
    void serverSectionAcceptsOnItsAddressAndConnectsToTheTarget() {
        String conf = RENDERER.render("proxy", List.of(MONGODB), ADDRESSES).offConf();
        assertTrue(conf.contains("""
                [mongodb]
                client = no
                accept = 127.0.0.101:27017
                connect = 127.0.0.102:27017
                ciphers = PSK
                # this file and directory are private
                PSKsecrets = /etc/stunnel/psk/mongodb-psk.txt
                """), conf);
        assertFalse(conf.contains("client = yes"), "client = yes belongs only on the client side");
    }

    @Test
    void clientSectionListensOnTheLinkAddressAndConnectsToTheServer() {
        HostConfig config = RENDERER.render("ovh1", List.of(MONGODB, MEMCACHED), ADDRESSES);
        assertTrue(config.offConf().contains("""
                [mongodb]
                client = yes
                # expose only on loopback or the private network
                accept = 127.0.0.1:27017
                connect = 127.0.0.101:27017
                """), config.offConf());
        assertEquals(List.of("/etc/stunnel/psk/memcached-psk.txt", "/etc/stunnel/psk/mongodb-psk.txt"),
                config.pskPaths());
    }

    @Test
    void globalLinesAreThoseTheUnitNeeds() {
        String conf = RENDERER.render("ovh1", List.of(MONGODB), ADDRESSES).offConf();
        for (String line : List.of("foreground = yes", "setuid = stunnel4", "setgid = stunnel4",
                "pid = /run/stunnel-off/stunnel.pid", "output = /var/log/stunnel4/off.log")) {
            assertTrue(conf.contains("\n" + line + "\n"), line);
        }
    }

    @Test
    void sameLinksInAnyOrderGiveTheSameBytes() {
        List<Link> shuffled = new ArrayList<>(List.of(MONGODB, MEMCACHED));
        Collections.reverse(shuffled);
        assertEquals(RENDERER.render("ovh1", List.of(MONGODB, MEMCACHED), ADDRESSES),
                RENDERER.render("ovh1", shuffled, ADDRESSES));
    }

    @Test
    void hostWithoutLinksGetsOnlyTheGlobalLines() {
        HostConfig config = RENDERER.render("off2", List.of(MONGODB), ADDRESSES);
        assertFalse(config.offConf().contains("["));
        assertEquals(List.of(), config.pskPaths());
    }

    @Test
    void ipv6AddressesUseStunnelsLastColonSyntax() {
        assertEquals("2a06:c484:5::102:16001", ConfigRenderer.endpoint("2a06:c484:5::102", 16001));
    }

    @Test
    void checkVariantHasNoPidFileAndLogsToStderr() {
        String check = ConfigRenderer.checkVariant(RENDERER.render("ovh1", List.of(MONGODB), ADDRESSES).offConf());
        assertTrue(check.contains("\npid =\n"));
        assertFalse(check.contains("output ="));
        assertTrue(check.contains("[mongodb]"));
    }
}
