package org.offops.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteCommandTest {

    @Test
    void plainWordsStayReadable() {
        assertEquals("zfs snapshot rpool/off/products@autosnap_2024-01-01_00:00:01_daily",
                RemoteCommand.of("zfs", "snapshot", "rpool/off/products@autosnap_2024-01-01_00:00:01_daily")
                        .toShellLine());
    }

    @Test
    void everyOtherWordIsSingleQuoted() {
        assertEquals("printf %s '; rm -rf /' '$(id)' '' 'a b'",
                RemoteCommand.of("printf", "%s", "; rm -rf /", "$(id)", "", "a b").toShellLine());
    }

    @Test
    void embeddedSingleQuoteIsClosedEscapedAndReopened() {
        assertEquals("echo 'it'\\''s'", RemoteCommand.of("echo", "it's").toShellLine());
    }

    @Test
    void programWithEqualsSignIsNeverAnAssignment() {
        assertEquals("'PATH=/tmp' ls", RemoteCommand.of("PATH=/tmp", "ls").toShellLine());
    }

    @Test
    void scriptPassesDataAsPositionalParameters() {
        RemoteCommand command = RemoteCommand.script("echo \"$1\"", "x y");

        assertEquals("sh", command.program());
        assertEquals(List.of("-c", "echo \"$1\"", "sh", "x y"), command.args());
        assertEquals("sh -c 'echo \"$1\"' sh 'x y'", command.toShellLine());
    }

    @Test
    void nulCannotBeSmuggledIntoAnArgument() {
        assertThrows(IllegalArgumentException.class, () -> RemoteCommand.of("echo", "a\0b"));
    }
}
