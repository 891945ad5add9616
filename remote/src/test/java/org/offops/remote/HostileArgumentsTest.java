package org.offops.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HostileArgumentsTest {

    @TempDir
    static Path tmp;

    private static RealSsh off1;

    private static final Map<String, UnaryOperator<String>> VALIDATORS = Map.of(
            "flavor", Names::flavor,
            "git tag", Names::gitTag,
            "ZFS dataset", Names::zfsDataset,
            "ZFS snapshot", Names::zfsSnapshot,
            "host name", Names::hostName,
            "site", Names::site,
            "systemd unit", Names::systemdUnit,
            "absolute path", Names::absolutePath);

    @BeforeAll
    static void startHost() throws Exception {
        off1 = RealSsh.start("off1", "127.0.0.3");
        Files.createDirectories(tmp.resolve("canary"));
    }

    @AfterAll
    static void stopHost() {
        off1.close();
    }

    static Stream<String> hostileArguments() {
        String marker = tmp.resolve("pwned").toString();
        return Stream.of(
                "; rm -rf /",
                "; rm -rf " + tmp.resolve("canary"),
                "$(touch " + marker + ")",
                "`touch " + marker + "`",
                "x\ntouch " + marker,
                "&& touch " + marker,
                "| touch " + marker,
                "> " + marker,
                "it's \"quoted\"",
                "'\\''",
                "*",
                "~root",
                "$HOME ${PATH}",
                "-n",
                "--help",
                "#not a comment",
                "\\",
                "",
                " leading and trailing ",
                "tab\there",
                "café ☕ ünïcödé");
    }

    @ParameterizedTest
    @MethodSource("hostileArguments")
    void hostileArgumentsReachTheHostAsOneInertArgument(String hostile) {
        ExecResult result = off1.executor().run(off1.host(), RemoteCommand.of("printf", "%s", hostile)).orThrow();

        assertArrayEquals(hostile.getBytes(StandardCharsets.UTF_8), result.stdoutTail().getBytes(StandardCharsets.UTF_8));
        assertEquals("", result.stderrTail());
        assertFalse(Files.exists(tmp.resolve("pwned")), "a side-effect file was created");
        assertTrue(Files.isDirectory(tmp.resolve("canary")), "the canary directory was removed");
    }

    @ParameterizedTest
    @MethodSource("hostileArguments")
    void validatorsRejectHostileValuesForEveryNameType(String hostile) {
        VALIDATORS.forEach((field, validator) -> {
            InvalidNameException refused = assertThrows(InvalidNameException.class, () -> validator.apply(hostile),
                    field + " accepted " + hostile);
            assertEquals(field, refused.field());
            assertFalse(refused.getMessage().contains("\n"), "the message echoes a raw newline");
        });
    }

    @ParameterizedTest
    @MethodSource("hostileArguments")
    void hostileArgumentsAsAPathStayOneFileName(String hostile) throws Exception {
        // absolute paths may legally hold shell metacharacters: quoting, not the validator, keeps them inert
        String name = hostile.replace("/", "_").replace("\n", "_");
        Path target = tmp.resolve("files").resolve(name.isEmpty() || name.equals("..") ? "empty" : "f" + name);
        Files.createDirectories(target.getParent());

        off1.executor().run(off1.host(), RemoteCommand.of("touch", "--", target.toString())).orThrow();

        assertEquals(List.of(target), Files.list(target.getParent()).toList());
        Files.delete(target);
        assertFalse(Files.exists(tmp.resolve("pwned")));
    }
}
