package org.offops.network.domain;

import java.util.List;

/** What an import of existing stunnel configs found: the paired links and every section it could not use. */
public record ImportReport(List<ImportedLink> links, List<String> problems) {
}
