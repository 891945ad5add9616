package org.offops.platform.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applied files land in the infrastructure repository under confs/<server>/, and nowhere when none is configured. */
class InfrastructureRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void localPathBecomesABareRepositoryHoldingTheAppliedFiles() throws Exception {
        Path bare = dir.resolve("infrastructure.git");
        InfrastructureRepository repository = new InfrastructureRepository(Optional.of(bare.toString()),
                dir.resolve("clone").toString());
        try {
            Optional<String> commit = repository.record("proxy", Map.of("/etc/nginx/sites-enabled/off", "server {}\n"),
                    "7d1f1c2e-0000-4000-8000-000000000001", "site off applied");
            assertTrue(commit.isPresent());
            assertEquals("server {}\n", git(bare, "show", "main:confs/proxy/etc/nginx/sites-enabled/off"));
            assertTrue(git(bare, "log", "-1", "--format=%B", "main").contains("7d1f1c2e-0000-4000-8000-000000000001"));
            assertEquals(commit, repository.record("proxy", Map.of("/etc/nginx/sites-enabled/off", "server {}\n"),
                    "7d1f1c2e-0000-4000-8000-000000000002", "same again"), "nothing changed: no new commit");
        } finally {
            repository.close();
        }
    }

    @Test
    void withoutARepositoryNothingIsRecorded() {
        InfrastructureRepository repository = new InfrastructureRepository(Optional.of(" "),
                dir.resolve("clone").toString());
        assertFalse(repository.enabled());
        assertEquals(Optional.empty(), repository.record("proxy", Map.of("/etc/x", "y"), "id", "m"));
        assertFalse(Files.exists(dir.resolve("clone")));
    }

    private static String git(Path bare, String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "--git-dir";
        command[2] = bare.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
