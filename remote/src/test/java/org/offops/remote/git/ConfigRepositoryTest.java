package org.offops.remote.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigRepositoryTest {

    private static final byte[] NGINX = "server { server_name world.openfoodfacts.org; }\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] STUNNEL = "[off1-off2]\nclient = yes\nPSKsecrets = /etc/stunnel/psk/off1-off2.txt\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private Path bare;
    private InfraHistory history;

    @BeforeEach
    void createInfrastructureRepository() {
        bare = tmp.resolve("infra.git");
        ConfigRepository.initBare(bare);
        history = new InfraHistory(bare);
    }

    @Test
    void oneCommitPerChangeCarriesTheEventId() throws Exception {
        try (ConfigRepository repo = new ConfigRepository(bare.toString(), tmp.resolve("clone"))) {
            ConfigRepository.Recorded first = repo.commit("off1",
                    Map.of("/etc/nginx/sites-enabled/off.conf", NGINX, "/etc/stunnel/off.conf", STUNNEL),
                    "evt-0001", "Render proxy and stunnel configs for off");
            ConfigRepository.Recorded second = repo.commit("off1",
                    Map.of("/etc/nginx/sites-enabled/off.conf", "server { }\n".getBytes(StandardCharsets.UTF_8)),
                    "evt-0002", "Update proxy site off");

            assertTrue(first.newCommit());
            assertTrue(second.newCommit());
            assertEquals(second.commitId(), history.head());
            List<String> messages = history.messages();
            assertEquals(3, messages.size(), messages.toString());
            assertTrue(messages.get(0).contains("Event-Id: evt-0002"), messages.get(0));
            assertTrue(messages.get(1).contains("Event-Id: evt-0001"), messages.get(1));
            assertTrue(messages.get(1).startsWith("Render proxy and stunnel configs for off"), messages.get(1));
            assertArrayEquals(STUNNEL, history.blobAtHead("confs/off1/etc/stunnel/off.conf"));
            assertEquals("server { }\n", new String(history.blobAtHead("confs/off1/etc/nginx/sites-enabled/off.conf"),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void unchangedFilesMakeNoCommit() throws Exception {
        try (ConfigRepository repo = new ConfigRepository(bare.toString(), tmp.resolve("clone"))) {
            ConfigRepository.Recorded first = repo.commit("off2", Map.of("/etc/nginx/nginx.conf", NGINX), "evt-1",
                    "Render nginx.conf");
            ConfigRepository.Recorded again = repo.commit("off2", Map.of("/etc/nginx/nginx.conf", NGINX), "evt-2",
                    "Render nginx.conf again");

            assertFalse(again.newCommit());
            assertEquals(first.commitId(), again.commitId());
            assertEquals(2, history.messages().size());
            assertFalse(history.messages().get(0).contains("evt-2"));
        }
    }

    @Test
    void concurrentWritersAllLand() throws Exception {
        int writers = 4;
        int changesEach = 5;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                try (ConfigRepository repo = new ConfigRepository(bare.toString(), tmp.resolve("clone-" + writer))) {
                    start.await();
                    for (int c = 0; c < changesEach; c++) {
                        byte[] content = ("writer " + writer + " change " + c + "\n").getBytes(StandardCharsets.UTF_8);
                        assertTrue(repo.commit("ovh" + (writer % 3 + 1), Map.of("/etc/offops/w" + writer + "-" + c
                                + ".conf", content), "evt-" + writer + "-" + c, "Change " + c).newCommit());
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        pool.shutdown();

        List<String> messages = history.messages();
        assertEquals(1 + writers * changesEach, messages.size());
        for (int w = 0; w < writers; w++) {
            for (int c = 0; c < changesEach; c++) {
                String eventId = "Event-Id: evt-" + w + "-" + c + "\n";
                assertEquals(1, messages.stream().filter(m -> m.contains(eventId)).count(), eventId);
                assertArrayEquals(("writer " + w + " change " + c + "\n").getBytes(StandardCharsets.UTF_8),
                        history.blobAtHead("confs/ovh" + (w % 3 + 1) + "/etc/offops/w" + w + "-" + c + ".conf"));
            }
        }
    }

    @Test
    void secretCanNeverReachHistory() throws Exception {
        String pskKey = "9f86d081884c7d659a2feaa0c55ad015";
        String keyBody = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW";
        String pathOnlySecret = "psk-by-path-only-7c1e";
        List<String> secrets = List.of(pskKey, keyBody, pathOnlySecret);
        try (ConfigRepository repo = new ConfigRepository(bare.toString(), tmp.resolve("clone"))) {
            List<Map<String, byte[]>> attempts = List.of(
                    Map.of("/etc/stunnel/off.conf", STUNNEL, "/etc/stunnel/secrets.txt",
                            ("# links\noff1-off2:" + pskKey + "\n").getBytes(StandardCharsets.UTF_8)),
                    Map.of("/etc/ssl/site.pem", ("-----BEGIN OPENSSH PRIVATE KEY-----\n" + keyBody
                            + "\n-----END OPENSSH PRIVATE KEY-----\n").getBytes(StandardCharsets.UTF_8)),
                    Map.of("/etc/stunnel/psk/off1-off2.conf", pathOnlySecret.getBytes(StandardCharsets.UTF_8)),
                    Map.of("/etc/stunnel/off1-off2-psk.txt", pathOnlySecret.getBytes(StandardCharsets.UTF_8)),
                    Map.of("/etc/ssl/private/off.key", pathOnlySecret.getBytes(StandardCharsets.UTF_8)));

            for (Map<String, byte[]> files : attempts) {
                SecretRefusedException refused = assertThrows(SecretRefusedException.class,
                        () -> repo.commit("off1", files, "evt-secret", "Render stunnel link off1-off2"));
                secrets.forEach(secret -> assertFalse(refused.getMessage().contains(secret), refused.getMessage()));
            }
            assertThrows(SecretRefusedException.class, () -> repo.commit("off1", Map.of("/etc/x.conf", NGINX),
                    "evt-msg", "Rotate PSK\noff1-off2:" + pskKey));
            // an ordinary change still lands afterwards
            assertTrue(repo.commit("off1", Map.of("/etc/stunnel/off.conf", STUNNEL), "evt-ok", "Render link").newCommit());
        }

        assertEquals(2, history.messages().size());
        for (byte[] blob : history.everyBlobInHistory()) {
            String text = new String(blob, StandardCharsets.ISO_8859_1);
            secrets.forEach(secret -> assertFalse(text.contains(secret), "a secret reached git history"));
        }
        history.messages().forEach(message -> assertFalse(message.contains(pskKey)));
        try (Stream<Path> working = Files.walk(tmp.resolve("clone"))) {
            for (Path file : working.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                secrets.forEach(secret -> assertFalse(text.contains(secret), "a secret reached the working clone"));
            }
        }
    }
}
