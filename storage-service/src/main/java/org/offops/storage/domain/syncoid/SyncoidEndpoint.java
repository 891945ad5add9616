package org.offops.storage.domain.syncoid;

import java.util.Optional;

/** One side of a syncoid call: {@code [user@]host:dataset} (remote) or a bare dataset (local). */
public record SyncoidEndpoint(String user, String host, String dataset) {

    public static SyncoidEndpoint parse(String word) {
        int colon = word.indexOf(':');
        int slash = word.indexOf('/');
        // a pool name may contain ':' only after a '/' never precedes it: "host:pool/ds" vs "pool/a:b"
        if (colon < 0 || (slash >= 0 && slash < colon)) {
            return new SyncoidEndpoint(null, null, word);
        }
        String remote = word.substring(0, colon);
        int at = remote.indexOf('@');
        return new SyncoidEndpoint(at < 0 ? null : remote.substring(0, at), at < 0 ? remote : remote.substring(at + 1),
                word.substring(colon + 1));
    }

    public boolean isRemote() {
        return host != null;
    }

    public Optional<String> remoteHost() {
        return Optional.ofNullable(host);
    }

    public String format() {
        if (host == null) {
            return dataset;
        }
        return (user == null ? "" : user + "@") + host + ":" + dataset;
    }
}
