package org.offops.storage.api;

import java.util.List;

/** What a mutation does (or, with dryRun, would do): the steps in order and the resulting resource. */
public record Planned<T>(boolean dryRun, List<String> steps, T result) {
}
