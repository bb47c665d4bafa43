package org.audiu.core.history;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;

/**
 * Guards against zip bombs: an entry that expands more than {@value #MAX_RATIO} times its compressed size is refused
 * before it is expanded, by the sizes the zip declares, and, since declared sizes can lie, the bytes inflated are
 * counted while it is read and reading stops at the limit. Entries under {@value #FREE_BYTES} bytes are never
 * refused (small JSON compresses well and cannot hurt). Immutable.
 */
final class ZipExpansionLimit {
    /** Real exports' JSON compresses 5-20 times; 100 leaves room and still stops a bomb early. */
    static final long MAX_RATIO = 100;
    static final long FREE_BYTES = 1L << 20;

    private ZipExpansionLimit() {
    }

    /** Why the entry is refused by its declared sizes, or empty when it may be read. */
    static Optional<String> refusal(ZipEntry entry) {
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size > FREE_BYTES && compressed >= 0 && size > limit(compressed)) {
            return Optional.of(String.format(Locale.ROOT, "refused, not expanded: it declares %,d bytes from %,d "
                    + "compressed (%.0fx, more than %dx, a zip bomb or a damaged zip); the other files of the export "
                    + "are still read", size, compressed, (double) size / Math.max(1, compressed), MAX_RATIO));
        }
        return Optional.empty();
    }

    /** The bytes an entry of this compressed size may expand to. */
    static long limit(long compressed) {
        return Math.max(FREE_BYTES, compressed * MAX_RATIO);
    }

    /** {@code in}, failing with {@link TooLargeException} once more than {@code limit} bytes have been read. */
    static InputStream counting(InputStream in, long limit) {
        long[] read = {0};
        return new CountedInputStream(in, n -> {
            read[0] += n;
            if (read[0] > limit) {
                throw new TooLargeException(limit);
            }
        });
    }

    /** An entry expanded past its limit while being read (its declared sizes were wrong). */
    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super(String.format(Locale.ROOT, "expanded past %,d bytes, more than %dx its compressed size (its "
                    + "declared size is wrong: a zip bomb or a damaged zip); reading it stopped there", limit,
                    MAX_RATIO));
        }
    }
}
