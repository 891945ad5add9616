package org.offops.proxy.domain;

import java.util.ArrayList;
import java.util.List;

/** A unified diff (3 lines of context) between what offops expects in a file and what is there; empty if equal. */
public final class LineDiff {

    private static final int CONTEXT = 3;

    private record Edit(char op, String line, int oldLine, int newLine) {
    }

    private LineDiff() {
    }

    /** {@code before} or {@code after} null means the file is absent on that side. */
    public static String unified(String path, String before, String after) {
        if (java.util.Objects.equals(before, after)) {
            return "";
        }
        List<Edit> edits = edits(lines(before), lines(after));
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(before == null ? "/dev/null" : "a" + path).append('\n');
        out.append("+++ ").append(after == null ? "/dev/null" : "b" + path).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while the next change is within 2 * CONTEXT unchanged lines
            while (end < edits.size()) {
                int run = 0;
                while (end + run < edits.size() && edits.get(end + run).op() == ' ') {
                    run++;
                }
                if (end + run >= edits.size() || run > 2 * CONTEXT) {
                    end = Math.min(edits.size(), end + Math.min(run, CONTEXT));
                    break;
                }
                end += run + 1;
            }
            hunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> hunk) {
        int oldCount = (int) hunk.stream().filter(e -> e.op() != '+').count();
        int newCount = (int) hunk.stream().filter(e -> e.op() != '-').count();
        int oldStart = hunk.stream().filter(e -> e.op() != '+').mapToInt(Edit::oldLine).findFirst().orElse(0);
        int newStart = hunk.stream().filter(e -> e.op() != '-').mapToInt(Edit::newLine).findFirst().orElse(0);
        out.append("@@ -").append(oldStart).append(',').append(oldCount)
                .append(" +").append(newStart).append(',').append(newCount).append(" @@\n");
        hunk.forEach(e -> out.append(e.op()).append(e.line()).append('\n'));
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), ++i, ++j));
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new Edit('-', a.get(i), ++i, j));
            } else {
                edits.add(new Edit('+', b.get(j), i, ++j));
            }
        }
        return edits;
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }
}
