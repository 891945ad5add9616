package org.offops.storage.domain.syncoid;

import java.util.ArrayList;
import java.util.List;

/** Writes syncoid-args.conf deterministically: one call per line, words joined by one space. */
public final class SyncoidArgsWriter {

    private SyncoidArgsWriter() {
    }

    public static String write(SyncoidArgs args) {
        StringBuilder out = new StringBuilder("# rendered by offops storage-service; edits here are overwritten\n");
        for (SyncoidLine line : args.lines()) {
            List<String> words = new ArrayList<>(line.options());
            words.add(line.source().format());
            words.add(line.target().format());
            out.append(String.join(" ", words)).append('\n');
        }
        return out.toString();
    }
}
