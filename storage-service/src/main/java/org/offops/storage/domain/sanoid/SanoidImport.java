package org.offops.storage.domain.sanoid;

import java.util.List;

/** A parsed sanoid.conf and what in it is ambiguous (reported, never silently guessed). */
public record SanoidImport(SanoidConf conf, List<String> ambiguities) {

    public SanoidImport {
        ambiguities = List.copyOf(ambiguities);
    }
}
