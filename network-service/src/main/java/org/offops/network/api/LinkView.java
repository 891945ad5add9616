package org.offops.network.api;

import org.offops.network.store.LinkRecord;

/** A link as the API shows it: its ends, status, last check and the public identity of its key (never the key). */
public record LinkView(String name, String client, String clientAddress, int clientPort, String server,
                       int serverPort, String target, int targetPort, String status, String statusDetail,
                       String configCommit, String lastCheck, String identity, long version) {

    static LinkView of(LinkRecord r) {
        var l = r.link();
        return new LinkView(l.name(), l.client(), l.clientAddress(), l.clientPort(), l.server(), l.serverPort(),
                l.target(), l.targetPort(), r.status(), r.statusDetail(), r.configCommit(), r.lastCheck(),
                r.identity(), r.version());
    }
}
