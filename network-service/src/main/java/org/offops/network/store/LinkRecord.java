package org.offops.network.store;

import org.offops.network.domain.Link;

/** A link as stored, with its apply status, last check and the public identity of its active key. */
public record LinkRecord(Link link, String status, String statusDetail, String configCommit, String lastCheck,
                         long version, String identity) {
}
