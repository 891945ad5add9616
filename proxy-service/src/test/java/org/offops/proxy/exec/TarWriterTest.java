package org.offops.proxy.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive the apply script unpacks is one GNU tar reads back byte for byte, long paths included. */
class TarWriterTest {

    @TempDir
    Path dir;

    @Test
    void gnuTarExtractsEveryFileUnchanged() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("etc/nginx/sites-enabled/off", "server {}\n".getBytes(StandardCharsets.UTF_8));
        files.put("etc/nginx/conf.d/empty.conf", new byte[0]);
        String deep = "etc/fail2ban/filter.d/" + "d".repeat(60) + "/" + "f".repeat(90) + ".conf";
        files.put(deep, "x".repeat(1500).getBytes(StandardCharsets.UTF_8));
        Path archive = Files.write(dir.resolve("a.tar"), TarWriter.archive(files));
        Path out = Files.createDirectories(dir.resolve("out"));
        Process tar = new ProcessBuilder("tar", "-xf", archive.toString(), "-C", out.toString()).inheritIO().start();
        assertEquals(0, tar.waitFor());
        for (var file : files.entrySet()) {
            assertEquals(new String(file.getValue(), StandardCharsets.UTF_8), Files.readString(out.resolve(file.getKey())));
        }
    }
}
