package org.offops.proxy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void equalFilesHaveNoDiff() {
        assertEquals("", LineDiff.unified("/etc/x", "a\nb\n", "a\nb\n"));
    }

    @Test
    void oneChangedLineShowsWithThreeLinesOfContext() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertEquals("""
                --- a/etc/x
                +++ b/etc/x
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """, LineDiff.unified("/etc/x", before, after));
    }

    @Test
    void distantChangesMakeTwoHunks() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
        String after = "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\n";
        assertEquals("""
                --- a/f
                +++ b/f
                @@ -1,4 +1,4 @@
                -a
                +A
                 b
                 c
                 d
                @@ -9,4 +9,4 @@
                 i
                 j
                 k
                -l
                +L
                """, LineDiff.unified("/f", before, after));
    }

    @Test
    void anAbsentFileDiffsFromDevNull() {
        assertEquals("""
                --- /dev/null
                +++ b/f
                @@ -0,0 +1,2 @@
                +x
                +y
                """, LineDiff.unified("/f", null, "x\ny\n"));
        assertEquals("""
                --- a/f
                +++ /dev/null
                @@ -1,1 +0,0 @@
                -x
                """, LineDiff.unified("/f", "x\n", null));
    }
}
