package org.offops.storage.domain.syncoid;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offops.storage.domain.sanoid.SanoidConfException;

/**
 * Reads syncoid-args.conf as production's syncoid.service does ({@code egrep -v "^(#|$)" | while read -a args}): one
 * call per line, words split on blanks, quotes NOT interpreted (bash read -a keeps them in the word).
 */
public final class SyncoidArgsParser {

    /** syncoid 2.1.0 options that take a value as the next word. */
    private static final Set<String> WITH_VALUE = Set.of("--compress", "--source-bwlimit", "--target-bwlimit",
            "--mbuffer-size", "--pv-options", "--sshport", "--sshcipher", "--sshkey", "--identifier", "--exclude",
            "--sendoptions", "--recvoptions", "-c", "-k", "-o");

    private SyncoidArgsParser() {
    }

    public static SyncoidImport parse(String text) {
        List<SyncoidLine> lines = new ArrayList<>();
        List<String> ambiguities = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isEmpty() || raw[i].startsWith("#")) {
                continue;
            }
            List<String> words = List.of(raw[i].strip().split("[ \t]+"));
            if (words.size() == 1 && words.get(0).isEmpty()) {
                ambiguities.add("line " + (i + 1) + ": blank line with spaces runs syncoid without arguments");
                continue;
            }
            lines.add(line(words, i + 1));
        }
        check(lines, ambiguities);
        return new SyncoidImport(new SyncoidArgs(lines), ambiguities);
    }

    private static SyncoidLine line(List<String> words, int lineNo) {
        List<String> options = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            if (word.startsWith("-")) {
                options.add(word);
                if (WITH_VALUE.contains(word) && w + 1 < words.size()) {
                    options.add(words.get(++w));
                }
            } else {
                operands.add(word);
            }
        }
        if (operands.size() != 2) {
            throw new SanoidConfException(lineNo, "expected a source and a target, found " + operands);
        }
        return new SyncoidLine(options, SyncoidEndpoint.parse(operands.get(0)), SyncoidEndpoint.parse(operands.get(1)),
                lineNo);
    }

    private static void check(List<SyncoidLine> lines, List<String> ambiguities) {
        Set<SyncoidLine.Direction> directions = EnumSet.noneOf(SyncoidLine.Direction.class);
        Map<String, SyncoidLine> byTarget = new HashMap<>();
        for (SyncoidLine l : lines) {
            directions.add(l.direction());
            String target = l.target().format();
            SyncoidLine earlier = byTarget.putIfAbsent(target, l);
            if (earlier != null) {
                ambiguities.add("line " + l.line() + ": target " + target + " is already written by line "
                        + earlier.line() + (earlier.source().equals(l.source()) ? " (same source: duplicate call)"
                        : " from another source: the two fight over it"));
            }
            l.options().stream().filter(o -> o.contains("\"") || o.contains("'")).forEach(o -> ambiguities.add(
                    "line " + l.line() + ": " + o + " keeps its quotes (read -a does not remove them)"));
            if (!l.options().contains("--no-sync-snap")) {
                ambiguities.add("line " + l.line() + ": without --no-sync-snap syncoid creates its own sync"
                        + " snapshots on the source");
            }
        }
        if (directions.contains(SyncoidLine.Direction.PULL) && directions.contains(SyncoidLine.Direction.PUSH)) {
            ambiguities.add("the file mixes push lines (" + count(lines, SyncoidLine.Direction.PUSH) + ") and pull"
                    + " lines (" + count(lines, SyncoidLine.Direction.PULL) + "): offops routes are pulled by the"
                    + " target; push lines become routes run on their target");
        }
    }

    private static long count(List<SyncoidLine> lines, SyncoidLine.Direction d) {
        return lines.stream().filter(l -> l.direction() == d).count();
    }
}
