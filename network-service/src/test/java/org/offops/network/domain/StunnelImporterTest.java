package org.offops.network.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class StunnelImporterTest {

    private static final StunnelImporter IMPORTER = new StunnelImporter(InternalRanges.rfc1918());

    @Test
    void pairsClientAndServerSectionsBySharedPskFile() throws IOException {
        ImportReport report = IMPORTER.importConfigs(ownFixtures(), Map.of(
                "edge-proxy", Set.of("/etc/stunnel/psk/search-psk.txt", "/etc/stunnel/psk/queue-psk.txt"),
                "app-client", Set.of("/etc/stunnel/psk/search-psk.txt")));
        assertEquals(List.of(new ImportedLink("search", "app-client", "10.9.0.20:9200", "edge-proxy", "9200",
                "10.9.0.50:9200", "/etc/stunnel/psk/search-psk.txt")), report.links());
    }

    @Test
    void reportsMissingPskFilesUnpairedSectionsAndPublicClients() throws IOException {
        ImportReport report = IMPORTER.importConfigs(ownFixtures(), Map.of());
        assertEquals(List.of(
                "app-client [Search]: no PSK file /etc/stunnel/psk/search-psk.txt on app-client",
                "app-client [Cache]: no PSK file /etc/stunnel/psk/cache-psk.txt on app-client",
                "app-client [Cache]: client accept 0.0.0.0:11211 is not loopback or internal",
                "edge-proxy [Search]: no PSK file /etc/stunnel/psk/search-psk.txt on edge-proxy",
                "edge-proxy [Queue]: no PSK file /etc/stunnel/psk/queue-psk.txt on edge-proxy",
                "app-client [Cache]: client with no server section for /etc/stunnel/psk/cache-psk.txt",
                "edge-proxy [Queue]: server with no client section for /etc/stunnel/psk/queue-psk.txt"),
                report.problems());
    }

    @Test
    void importsProductionConfigsOfOpenFoodFacts() throws IOException {
        Path confs = productionConfs();
        Map<String, String> configs = new java.util.TreeMap<>();
        try (var dirs = Files.list(confs)) {
            for (Path dir : dirs.toList()) {
                Path conf = dir.resolve("stunnel/off.conf");
                if (Files.exists(conf)) {
                    configs.put(dir.getFileName().toString(), Files.readString(conf));
                }
            }
        }
        assertEquals(6, configs.size(), configs.keySet().toString());
        // upstream keeps PSK files out of git: every section is reported without one
        ImportReport report = IMPORTER.importConfigs(configs, Map.of());
        List<String> names = report.links().stream().map(l -> l.name() + ":" + l.client() + "->" + l.server()).toList();
        assertTrue(names.contains("mongodb:ovh-stunnel-client->off2-reverse-proxy"), names.toString());
        assertTrue(names.contains("redis:ovh-stunnel-client->off2-reverse-proxy"), names.toString());
        assertTrue(names.contains("influxdb:moji-stunnel-client->ovh1-reverse-proxy"), names.toString());
        assertTrue(names.contains("robotoff:ovh1-reverse-proxy->moji-stunnel-server"), names.toString());
        assertTrue(names.contains("off-query:off-stunnel-client->moji-stunnel-server"), names.toString());
        assertTrue(report.problems().contains(
                "off2-reverse-proxy [MongoDB]: no PSK file /etc/stunnel/psk/mongodb-psk.txt on off2-reverse-proxy"));
        // the production clients bind loopback or 10.x only
        assertTrue(report.problems().stream().noneMatch(p -> p.contains("not loopback or internal")),
                report.problems().toString());
    }

    private static Map<String, String> ownFixtures() throws IOException {
        return Map.of("edge-proxy", resource("edge-proxy"), "app-client", resource("app-client"));
    }

    private static String resource(String host) throws IOException {
        try (var in = StunnelImporterTest.class.getResourceAsStream("/stunnel/" + host + "/off.conf")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static Path productionConfs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path confs = dir.resolve("shared/fixtures/off-infra/confs");
            if (Files.isDirectory(confs)) {
                return confs;
            }
        }
        Assumptions.abort("../shared/fixtures/off-infra is absent: the production stunnel configs (not"
                + " redistributable) are only on the build machine");
        return null;
    }
}
