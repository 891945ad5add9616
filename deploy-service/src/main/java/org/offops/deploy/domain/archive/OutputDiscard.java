package org.offops.deploy.domain.archive;

import java.io.OutputStream;

/** Swallows bytes: entries are read through to check their length, not kept. */
final class OutputDiscard extends OutputStream {

    static final OutputDiscard INSTANCE = new OutputDiscard();

    @Override
    public void write(int b) {
        // discarded
    }

    @Override
    public void write(byte[] b, int off, int len) {
        // discarded
    }
}
