package org.offops.network.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void showsOnlyRemovedAndAddedLines() {
        assertEquals(List.of("-b", "+x", "+d"), LineDiff.between("a\nb\nc", "a\nx\nc\nd"));
    }

    @Test
    void identicalTextsHaveNoDiff() {
        assertEquals(List.of(), LineDiff.between("a\nb\n", "a\nb\n"));
    }

    @Test
    void fromNothingEveryLineIsAdded() {
        assertEquals(List.of("+a", "+b"), LineDiff.between("", "a\nb"));
    }
}
