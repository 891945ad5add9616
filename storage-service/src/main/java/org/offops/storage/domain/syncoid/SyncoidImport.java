package org.offops.storage.domain.syncoid;

import java.util.List;

/** A parsed syncoid-args.conf and what in it is ambiguous or suspicious (reported, not guessed). */
public record SyncoidImport(SyncoidArgs args, List<String> ambiguities) {

    public SyncoidImport {
        ambiguities = List.copyOf(ambiguities);
    }
}
