package org.offops.storage.store;

import java.util.List;
import java.util.UUID;

/** CDI event: a change staged re-rendered server configs; the recorder commits them once the transaction commits. */
public record ConfigsStaged(UUID changeId, List<String> servers) {
}
