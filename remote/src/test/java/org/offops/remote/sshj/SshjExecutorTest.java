package org.offops.remote.sshj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offops.remote.ExecOptions;
import org.offops.remote.ExecResult;
import org.offops.remote.RealSsh;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteException;
import org.offops.remote.RemoteHost;

class SshjExecutorTest {

    private static RealSsh off1;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startHost() throws Exception {
        off1 = RealSsh.start("off1", "127.0.0.2");
    }

    @AfterAll
    static void stopHost() {
        off1.close();
    }

    @Test
    void pinnedHostKeyIsAccepted() {
        ExecResult result = off1.executor().run(off1.host(), RemoteCommand.of("echo", "hello", "off1"));

        assertTrue(result.ok());
        assertEquals("hello off1\n", result.stdoutTail());
        assertEquals("off1", result.host());
        assertEquals("echo hello off1", result.command());
    }

    @Test
    void unpinnedHostKeyIsRefused() {
        RemoteHost unpinned = new RemoteHost("off1", off1.host().address(), off1.host().port(), "root", null);

        RemoteException refused = assertThrows(RemoteException.class,
                () -> off1.executor().run(unpinned, RemoteCommand.of("true")));

        assertTrue(refused.getMessage().contains("pinned (none), presented " + off1.sshd().hostKeyFingerprint()),
                refused.getMessage());
    }

    @Test
    void nonZeroExitNamesHostCommandAndExitCode() {
        RemoteCommand command = RemoteCommand.script("echo \"no such flavor: $1\" >&2; exit 3", "opff");

        ExecResult result = off1.executor().run(off1.host(), command);
        RemoteException failure = assertThrows(RemoteException.class, result::orThrow);

        assertFalse(result.ok());
        assertEquals(3, result.exitCode());
        assertEquals(3, failure.exitCode().getAsInt());
        assertTrue(failure.getMessage().contains("on host off1"), failure.getMessage());
        assertTrue(failure.getMessage().contains(command.toShellLine()), failure.getMessage());
        assertTrue(failure.getMessage().contains("exit code 3"), failure.getMessage());
        assertTrue(failure.getMessage().contains("no such flavor: opff"), failure.getMessage());
    }

    @Test
    void commandTimeoutNamesHostAndCommand() throws Exception {
        Path pidFile = tmp.resolve("sleeper.pid");
        RemoteCommand sleeper = RemoteCommand.script("echo $$ > \"$1\"; exec sleep 30", pidFile.toString());
        off1.run("true");
        long before = off1.executor().connectionsOpened();
        long start = System.nanoTime();

        RemoteException timeout = assertThrows(RemoteException.class, () -> off1.executor().run(off1.host(), sleeper,
                ExecOptions.defaults().withTimeout(Duration.ofSeconds(1))));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(timeout.isTimeout());
        assertTrue(timeout.getMessage().contains("on host off1"), timeout.getMessage());
        assertTrue(timeout.getMessage().contains("exec sleep 30"), timeout.getMessage());
        assertTrue(timeout.getMessage().contains("no exit code: timed out after 1000 ms"), timeout.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "reported after " + took);
        // the command was killed (signal request) and the pooled connection still serves commands
        String pid = Files.readString(pidFile).strip();
        assertTrue(awaitGone(pid), "sleep " + pid + " still running");
        assertEquals("ok\n", off1.run("echo", "ok"));
        assertEquals(before, off1.executor().connectionsOpened());
    }

    @Test
    void fiftyCommandsReuseOnePooledConnection() {
        try (SshjExecutor executor = new SshjExecutor(SshjSettings.withKey(off1.sshd().clientKey()))) {
            executor.run(off1.host(), RemoteCommand.of("true")).orThrow();
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertEquals(i + "\n", executor.run(off1.host(), RemoteCommand.of("echo", "" + i)).stdoutTail());
            }
            double perCommandMs = (System.nanoTime() - start) / 1e6 / 50;
            System.out.printf("pooled connection: %.1f ms per command (50 commands)%n", perCommandMs);

            assertEquals(1, executor.connectionsOpened());
        }
    }

    @Test
    void stdinReachesTheCommandAndNeverTheCommandLine() {
        byte[] secret = "off1-off2:0f3a9c5e7b1d2468ace013579bdf2468\n".getBytes(StandardCharsets.UTF_8);
        RemoteCommand command = RemoteCommand.of("sha256sum");

        ExecResult result = off1.executor().run(off1.host(), command, ExecOptions.defaults().withStdin(secret));

        assertEquals(org.offops.remote.Digests.sha256Hex(secret) + "  -\n", result.stdoutTail());
        assertFalse(result.command().contains("0f3a9c5e"));
    }

    @Test
    void progressCallbackReceivesEachLine() {
        List<String> lines = new CopyOnWriteArrayList<>();
        RemoteCommand command = RemoteCommand.script("for i in 1 2 3; do echo \"step $i\"; done; echo warn >&2");

        off1.executor().run(off1.host(), command, ExecOptions.defaults().withProgress(lines::add)).orThrow();

        assertEquals(List.of("step 1", "step 2", "step 3", "warn"), lines.stream().sorted().toList());
    }

    @Test
    void outputKeepsOnlyTheTail() {
        RemoteCommand command = RemoteCommand.script("seq 1 100000");

        ExecResult result = off1.executor().run(off1.host(), command, ExecOptions.defaults().withTailBytes(1024));

        assertTrue(result.truncated());
        assertEquals(1024, result.stdoutTail().length());
        assertTrue(result.stdoutTail().endsWith("99999\n100000\n"));
    }

    @Test
    void perHostLimitQueuesCommandsBeyondIt() throws Exception {
        SshjSettings twoAtOnce = SshjSettings.withKey(off1.sshd().clientKey()).withMaxSessionsPerHost(2);
        try (SshjExecutor executor = new SshjExecutor(twoAtOnce)) {
            long start = System.nanoTime();
            List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Thread thread = new Thread(() -> executor.run(off1.host(), RemoteCommand.of("sleep", "0.4")).orThrow());
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(took.compareTo(Duration.ofMillis(1200)) >= 0, "6 x 0.4 s two at a time took " + took);
            assertEquals(1, executor.connectionsOpened());
        }
    }

    private static boolean awaitGone(String pid) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (!Files.exists(Path.of("/proc", pid))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
