package org.cablegate.core.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from a source file into a {@link Progress}. It sits right on the file, under any decompressor,
 * so for a {@code .gz} or {@code .tar.xz} the count is of compressed bytes, against the file's size; and it is the
 * offset named when a damaged archive breaks.
 */
final class ProgressStream extends FilterInputStream {
    private final Progress progress;

    ProgressStream(InputStream in, Progress progress) {
        super(in);
        this.progress = progress;
    }

    /** Bytes read so far. */
    long count() {
        return progress.done();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            progress.advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            progress.advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            progress.advance(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
