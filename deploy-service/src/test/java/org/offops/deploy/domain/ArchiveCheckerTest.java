package org.offops.deploy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.offops.deploy.domain.archive.ArchiveChecker;
import org.offops.deploy.domain.archive.ArchiveLimits;
import org.offops.deploy.domain.archive.ArchiveRefused;
import org.offops.deploy.domain.archive.ArchiveSummary;

/** Hostile release archives, built header by header, are refused before anything is extracted. */
class ArchiveCheckerTest {

    private static final ArchiveChecker CHECKER = new ArchiveChecker(new ArchiveLimits(100, 10_000));

    private static HandTar good() {
        return new HandTar().file("index.html", "<h1>v1.1.0</h1>").dir("css/").file("css/app.css", "body{}")
                .symlink("css/latest.css", "app.css").symlink("current", "css").hardlink("home.html", "index.html");
    }

    @Test
    void wellFormedArchiveWithInnerLinksPasses() throws ArchiveRefused {
        ArchiveSummary summary = CHECKER.check(new ByteArrayInputStream(good().tgz()));
        assertEquals(6, summary.entries());
        assertEquals(15 + 6, summary.bytes());
    }

    @Test
    void hostileEntriesAreRefusedNamingTheEntry() {
        Map<String, HandTar> hostile = Map.ofEntries(
                Map.entry("'../evil' contains '..'", good().file("../evil", "x")),
                Map.entry("'css/../../evil' contains '..'", good().file("css/../../evil", "x")),
                Map.entry("'/etc/cron.d/evil' is an absolute path", good().file("/etc/cron.d/evil", "x")),
                Map.entry("'up' links outside the archive (..)", good().symlink("up", "..")),
                Map.entry("'css/up' links outside the archive (../../etc)", good().symlink("css/up", "../../etc")),
                Map.entry("'etc' links to the absolute path /etc", good().symlink("etc", "/etc")),
                Map.entry("'css/back' links through '..' (../index.html)", good().symlink("css/back", "../index.html")),
                Map.entry("'shadow' links to the absolute path /etc/shadow", good().hardlink("shadow", "/etc/shadow")),
                Map.entry("'pw' links outside the archive (../passwd)", good().hardlink("pw", "../passwd")),
                Map.entry("'null' is a device, FIFO or other special file", good().special("null", '3')),
                Map.entry("'sda' is a device, FIFO or other special file", good().special("sda", '4')),
                Map.entry("'pipe' is a device, FIFO or other special file", good().special("pipe", '6')));
        hostile.forEach((reason, tar) -> {
            ArchiveRefused refused = assertThrows(ArchiveRefused.class,
                    () -> CHECKER.check(new ByteArrayInputStream(tar.tgz())), reason);
            assertEquals("archive refused: entry " + reason, refused.getMessage());
        });
    }

    @Test
    void tooManyEntriesOrBytesAreRefused() {
        HandTar many = new HandTar();
        for (int i = 0; i < 101; i++) {
            many.file("f" + i, "");
        }
        assertEquals("archive refused: has more than 100 entries", assertThrows(ArchiveRefused.class,
                () -> CHECKER.check(new ByteArrayInputStream(many.tgz()))).getMessage());
        HandTar big = new HandTar().file("a", "x".repeat(6_000)).file("b", "y".repeat(6_000));
        assertEquals("archive refused: extracts to more than 10000 bytes", assertThrows(ArchiveRefused.class,
                () -> CHECKER.check(new ByteArrayInputStream(big.tgz()))).getMessage());
    }

    @Test
    void notAnArchiveOrEmptyIsRefused() {
        assertTrue(assertThrows(ArchiveRefused.class, () -> CHECKER.check(new ByteArrayInputStream(
                "<html>404</html>".getBytes()))).getMessage().contains("is not a readable tar.gz"));
        assertEquals("archive refused: is empty", assertThrows(ArchiveRefused.class,
                () -> CHECKER.check(new ByteArrayInputStream(new HandTar().tgz()))).getMessage());
    }
}
