package org.offops.storage.domain.syncoid;

import java.util.List;

/** A syncoid-args.conf as data: one syncoid call per line, in file order. */
public record SyncoidArgs(List<SyncoidLine> lines) {

    public SyncoidArgs {
        lines = List.copyOf(lines);
    }

    public boolean sameAs(SyncoidArgs other) {
        if (lines.size() != other.lines.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).sameAs(other.lines.get(i))) {
                return false;
            }
        }
        return true;
    }
}
