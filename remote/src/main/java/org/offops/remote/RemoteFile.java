package org.offops.remote;

/** A file as read from a host for drift detection (bytes and SHA-256, or absent), never printed with its content. */
public record RemoteFile(String path, byte[] bytes, String sha256) {

    public static RemoteFile absent(String path) {
        return new RemoteFile(path, null, null);
    }

    public static RemoteFile of(String path, byte[] bytes) {
        return new RemoteFile(path, bytes.clone(), Digests.sha256Hex(bytes));
    }

    public boolean present() {
        return bytes != null;
    }

    /** Whether the host's file differs from what offops last rendered (an absent file has drifted too). */
    public boolean driftedFrom(byte[] expected) {
        return !present() || !sha256.equals(Digests.sha256Hex(expected));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RemoteFile file && path.equals(file.path)
                && java.util.Objects.equals(sha256, file.sha256);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + (sha256 == null ? 0 : sha256.hashCode());
    }

    @Override
    public String toString() {
        return present() ? "RemoteFile[" + path + ", " + bytes.length + " bytes, sha256=" + sha256 + "]"
                : "RemoteFile[" + path + ", absent]";
    }
}
