package org.offops.storage.domain.route;

/** A dataset on a server, written {@code server:pool/path} as in the fleet file. */
public record DatasetRef(String server, String dataset) {

    public static DatasetRef parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected <server>:<dataset>, got '" + text + "'");
        }
        return new DatasetRef(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return server + ":" + dataset;
    }
}
