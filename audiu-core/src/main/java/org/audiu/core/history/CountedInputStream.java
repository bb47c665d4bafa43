package org.audiu.core.history;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that tells a {@link Counter} how many bytes each read or skip returned, so the counter can stop
 * the reading (by throwing) once a limit is passed: how a zip entry whose declared size lies is cut off while it is
 * inflated.
 */
public final class CountedInputStream extends FilterInputStream {
    /** Told of the bytes each call returned; throws to stop the reading. */
    @FunctionalInterface
    public interface Counter {
        void add(long bytes) throws IOException;
    }

    private final Counter counter;

    public CountedInputStream(InputStream in, Counter counter) {
        super(in);
        this.counter = counter;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counter.add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counter.add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counter.add(skipped);
        return skipped;
    }
}
