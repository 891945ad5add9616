package org.offops.remote.git;

/** A file or text looked secret, so nothing was recorded; the message names the path and rule, never the content. */
public final class SecretRefusedException extends RuntimeException {

    private final String path;

    public SecretRefusedException(String path, String rule) {
        super("refused to record " + path + " in the configuration repository: " + rule
                + " (secrets never go to git)");
        this.path = path;
    }

    public String path() {
        return path;
    }
}
