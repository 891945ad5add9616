package org.offops.storage.domain.sanoid;

/** A sanoid.conf that sanoid itself would refuse (syntax, unknown setting); names the line. */
public class SanoidConfException extends RuntimeException {

    private final int line;

    public SanoidConfException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
