package org.offops.remote.sshj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTailTest {

    @Test
    void keepsTheLastBytesAcrossWrappedWrites() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            all.append("line ").append(i).append('\n');
        }
        OutputTail tail = new OutputTail(1000, line -> { });

        tail.drain(trickle(all.toString(), 37));

        assertTrue(tail.truncated());
        assertEquals(all.substring(all.length() - 1000), tail.text());
    }

    @Test
    void shortOutputIsKeptWholeAndSplitIntoLines() throws Exception {
        List<String> lines = new ArrayList<>();
        OutputTail tail = new OutputTail(64 * 1024, lines::add);

        tail.drain(trickle("building lang\r\nstep 2\nno newline at end", 5));

        assertFalse(tail.truncated());
        assertEquals("building lang\r\nstep 2\nno newline at end", tail.text());
        assertEquals(List.of("building lang", "step 2", "no newline at end"), lines);
    }

    /** A stream that hands out at most {@code chunk} bytes per read, like a network channel. */
    private static InputStream trickle(String text, int chunk) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }
}
