package org.audiu.cli.serve;

/**
 * What one upload may be, and how many the server takes at once: each limit has a {@code audiu serve} flag
 * ({@code --upload-*}) and a 4xx JSON error that names it ({@code "limit": "upload-size"}, ...).
 *
 * @param maxBytes          bytes of one upload's body (the zip, or all its files together)
 * @param maxEntries        files in an uploaded zip
 * @param maxRatio          how many times its compressed size a zip entry may expand (zip bombs refused by their
 *                          declared sizes before anything is expanded, and stopped while expanding if they lie)
 * @param maxExpandedBytes  bytes all the export's files may expand to together
 * @param maxJsonDepth      nesting of a JSON file (Spotify's exports nest 4 deep)
 * @param maxRecordBytes    bytes of one JSON record (an element of a file's top array or of an array under its top
 *                          object, such as one playlist, or one line of a JSON-lines file)
 * @param concurrent        uploads read and ranked at once
 * @param queue             uploads that may wait for a free slot; more are answered 503 at once
 * @param queueWaitMillis   how long a waiting upload waits before a 503
 * @param perAddressPerMinute uploads one client address may send per minute (0: no limit)
 */
public record UploadLimits(long maxBytes, int maxEntries, long maxRatio, long maxExpandedBytes, int maxJsonDepth,
                           long maxRecordBytes, int concurrent, int queue, long queueWaitMillis,
                           int perAddressPerMinute) {
    public static final long MB = 1L << 20;

    public UploadLimits {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16 || maxEntries < 1 || maxRatio < 1
                || maxExpandedBytes < 1 || maxJsonDepth < 2 || maxRecordBytes < 1 || concurrent < 1 || queue < 0
                || queueWaitMillis < 0 || perAddressPerMinute < 0) {
            throw new ServeException("Invalid upload limits: --upload-max-mb " + maxBytes / MB + ", --upload-max-entries "
                    + maxEntries + ", --upload-max-ratio " + maxRatio + ", --upload-max-expanded-mb "
                    + maxExpandedBytes / MB + ", --upload-max-json-depth " + maxJsonDepth
                    + ", --upload-max-record-kb " + maxRecordBytes / 1024 + ", --upload-concurrency " + concurrent
                    + ", --upload-queue " + queue + ", --upload-per-minute " + perAddressPerMinute + " (sizes and "
                    + "counts must be at least 1, the upload size under 2 GB, the JSON depth at least 2, the queue "
                    + "and the rate 0 or more).");
        }
    }

    /** 64 MB, 500 files, 100x, 1 GB expanded, depth 32, 8 MB records, 2 at once, 16 waiting 30 s, 20 a minute. */
    public static UploadLimits defaults() {
        return new UploadLimits(64 * MB, 500, 100, 1024 * MB, 32, 8 * MB, 2, 16, 30_000, 20);
    }

    /** These limits with another per-address rate (0: none). */
    public UploadLimits withRate(int perMinute) {
        return new UploadLimits(maxBytes, maxEntries, maxRatio, maxExpandedBytes, maxJsonDepth, maxRecordBytes,
                concurrent, queue, queueWaitMillis, perMinute);
    }
}
