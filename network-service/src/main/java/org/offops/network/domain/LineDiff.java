package org.offops.network.domain;

import java.util.ArrayList;
import java.util.List;

/** A minimal line diff (longest common subsequence): "-" removed, "+" added; unchanged lines are left out. */
public final class LineDiff {

    private LineDiff() {
    }

    public static List<String> between(String before, String after) {
        String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
        String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                diff.add("-" + a[i++]);
            } else {
                diff.add("+" + b[j++]);
            }
        }
        return diff;
    }
}
