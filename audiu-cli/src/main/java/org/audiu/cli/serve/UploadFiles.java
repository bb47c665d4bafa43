package org.audiu.cli.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.audiu.core.history.CountedInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.audiu.core.history.HistoryReader.ExportFile;

/**
 * An upload's body as the files of an export, held in memory only: a zip (as Spotify sends it) is opened from its
 * central directory, refused whole when it has too many files or when an entry declares an expansion past the limits
 * (nothing is expanded then), and each entry is expanded only while the history reader reads it, counted against
 * the same limits since declared sizes can lie. JSON files are checked for depth and record size first, in one
 * streaming pass. A limit passed while reading is kept in {@link #violation()}; the upload is then refused with it.
 * One per upload; not thread-safe.
 */
final class UploadFiles {
    /** One part of the request: the whole body, or one file of a multipart form. */
    record Part(Optional<String> name, byte[] bytes) {
    }

    private static final long FREE_BYTES = 1L << 20;

    private final UploadLimits limits;
    private final List<ExportFile> files = new ArrayList<>();
    private final List<ZipFile> zips = new ArrayList<>();
    private final AtomicLong expanded = new AtomicLong();
    private final AtomicReference<WebApiException> violation = new AtomicReference<>();
    private final JsonFactory checker;
    private boolean oneFileGiven;

    private UploadFiles(UploadLimits limits) {
        this.limits = limits;
        this.checker = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth()).build()).build();
    }

    /**
     * The export's files in {@code parts}.
     *
     * @throws WebApiException 400 for an unreadable zip or a body that is no export, 413 for a limit
     */
    static UploadFiles of(List<Part> parts, UploadLimits limits) {
        UploadFiles out = new UploadFiles(limits);
        if (parts.isEmpty()) {
            throw WebApiException.badRequest("The upload is empty: send the export's zip (my_spotify_data.zip), or "
                    + "its JSON files, as the request body or as files of a multipart form.", Map.of());
        }
        try {
            for (Part p : parts) {
                out.add(p, parts.size());
            }
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        return out;
    }

    private void add(Part p, int parts) {
        byte[] b = p.bytes();
        if (b.length == 0) {
            throw WebApiException.badRequest("An uploaded file is empty.", Map.of());
        }
        if (isZip(b)) {
            addZip(b);
            return;
        }
        if (looksBinary(b)) {
            throw new WebApiException(415, "The upload is neither a zip nor a JSON or CSV file (it looks binary). "
                    + "Send the export's zip as downloaded, its JSON files, a ListenBrainz listens export (.json or "
                    + ".jsonl) or a Last.fm CSV.", Map.of("limit", "format"));
        }
        String name = p.name().filter(n -> !n.isBlank()).map(UploadFiles::baseName).orElseGet(() -> sniff(b));
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".json") && !lower.endsWith(".jsonl") && !lower.endsWith(".csv")) {
            name = sniff(b);
        }
        oneFileGiven = parts == 1;
        String fileName = name;
        files.add(new ExportFile(fileName, () -> checked(fileName, () -> new ByteArrayInputStream(b))));
    }

    private void addZip(byte[] bytes) {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
        } catch (IOException | RuntimeException e) {
            throw WebApiException.badRequest("The zip cannot be read (" + e.getMessage() + "): it is truncated or "
                    + "damaged. Download the export again and upload the zip as Spotify sent it.",
                    Map.of("limit", "zip-format"));
        }
        zips.add(zip);
        List<ZipArchiveEntry> entries = new ArrayList<>();
        for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
            ZipArchiveEntry entry = e.nextElement();
            if (!entry.isDirectory()) {
                entries.add(entry);
            }
            if (entries.size() > limits.maxEntries()) {
                throw new WebApiException(413, "The zip holds more than " + limits.maxEntries() + " files (limit "
                        + "zip-entries, --upload-max-entries); a Spotify export holds a few dozen.",
                        Map.of("limit", "zip-entries", "max", limits.maxEntries()));
            }
        }
        long declared = 0;
        for (ZipArchiveEntry entry : entries) {
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size > FREE_BYTES && compressed >= 0 && size > entryLimit(compressed)) {
                throw ratio(String.format(Locale.ROOT, "a file of the zip declares %,d bytes from %,d compressed "
                        + "(%.0fx)", size, compressed, (double) size / Math.max(1, compressed)));
            }
            declared += Math.max(0, size);
            if (declared > limits.maxExpandedBytes()) {
                throw expandedTotal();
            }
        }
        oneFileGiven = false;
        for (ZipArchiveEntry entry : entries) {
            long limit = entryLimit(Math.max(0, entry.getCompressedSize()));
            files.add(new ExportFile(entry.getName(), () -> checked(entry.getName(),
                    () -> new CountedInputStream(zip.getInputStream(entry), counter(limit)))));
        }
    }

    private long entryLimit(long compressed) {
        return Math.max(FREE_BYTES, compressed > Long.MAX_VALUE / limits.maxRatio() ? Long.MAX_VALUE
                : compressed * limits.maxRatio());
    }

    private WebApiException ratio(String what) {
        return new WebApiException(413, "Refused as a zip bomb: " + what + ", more than " + limits.maxRatio()
                + " times (limit zip-ratio, --upload-max-ratio). Real exports compress 5 to 20 times.",
                Map.of("limit", "zip-ratio", "max", limits.maxRatio()));
    }

    private WebApiException expandedTotal() {
        return new WebApiException(413, "The zip's files expand to more than " + limits.maxExpandedBytes()
                / UploadLimits.MB + " MB (limit expanded-size, --upload-max-expanded-mb).",
                Map.of("limit", "expanded-size", "maxMb", limits.maxExpandedBytes() / UploadLimits.MB));
    }

    /** Opens a file twice when it is JSON: once to check depth and record size, then for the reader. */
    private InputStream checked(String name, ExportOpener open) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            try (InputStream in = open.open()) {
                checkJson(in, false);
            }
        } else if (lower.endsWith(".jsonl")) {
            try (InputStream in = open.open()) {
                checkJson(in, true);
            }
        }
        return open.open();
    }

    @FunctionalInterface
    private interface ExportOpener {
        InputStream open() throws IOException;
    }

    /**
     * Streams the JSON and fails on a limit: nesting deeper than {@code maxJsonDepth}, or a record (an element of the
     * top array, of an array directly under the top object, or a top-level value of JSON lines) longer than
     * {@code maxRecordBytes}. Syntax errors are left to the history reader, which reports them.
     */
    private void checkJson(InputStream in, boolean lines) throws IOException {
        try (JsonParser p = checker.createParser(in)) {
            int depth = 0;
            long recordStart = -1;
            int recordDepth = -1;
            JsonToken t;
            int topKind = 0; // 1: top array, 2: top object
            while (true) {
                try {
                    t = p.nextToken();
                } catch (StreamConstraintsException e) {
                    throw fail(new WebApiException(413, "A JSON file nests deeper than " + limits.maxJsonDepth()
                            + " levels (limit json-depth, --upload-max-json-depth); Spotify's exports nest 4 deep.",
                            Map.of("limit", "json-depth", "max", limits.maxJsonDepth())));
                } catch (IOException e) {
                    return; // malformed: the reader says where
                }
                if (t == null) {
                    return;
                }
                long at = p.currentTokenLocation().getByteOffset();
                if (t.isStructStart()) {
                    if (depth == 0) {
                        topKind = t == JsonToken.START_ARRAY ? 1 : 2;
                    }
                    boolean record = lines ? depth == 0 : topKind == 1 ? depth == 1 : depth == 2
                            && p.getParsingContext().getParent() != null && p.getParsingContext().getParent().inArray();
                    if (record && recordStart < 0) {
                        recordStart = at;
                        recordDepth = depth;
                    }
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                    if (depth == recordDepth && recordStart >= 0) {
                        checkRecord(p.currentLocation().getByteOffset() - recordStart);
                        recordStart = -1;
                        recordDepth = -1;
                    }
                } else if (recordStart >= 0) {
                    checkRecord(at - recordStart);
                } else if (t == JsonToken.VALUE_STRING && p.getTextLength() > limits.maxRecordBytes()) {
                    checkRecord(p.getTextLength());
                }
            }
        }
    }

    private void checkRecord(long bytes) throws LimitException {
        if (bytes > limits.maxRecordBytes()) {
            throw fail(new WebApiException(413, "A JSON record is longer than " + limits.maxRecordBytes() / 1024
                    + " KB (limit json-record, --upload-max-record-kb); a play or a playlist is far smaller.",
                    Map.of("limit", "json-record", "maxKb", limits.maxRecordBytes() / 1024)));
        }
    }

    private LimitException fail(WebApiException e) {
        violation.compareAndSet(null, e);
        return new LimitException(e.getMessage());
    }

    /** A limit passed while a file was read: the reader skips the file, the upload is then refused. */
    static final class LimitException extends IOException {
        private static final long serialVersionUID = 1L;

        LimitException(String message) {
            super(message);
        }
    }

    /** Counts one file's inflated bytes (its own limit) and every file's together (the upload's). */
    private CountedInputStream.Counter counter(long limit) {
        long[] read = {0};
        return n -> {
            read[0] += n;
            if (read[0] > limit) {
                throw fail(ratio(String.format(Locale.ROOT, "a file of the zip expanded past %,d bytes, though its "
                        + "declared sizes said less", limit)));
            }
            if (expanded.addAndGet(n) > 2 * limits.maxExpandedBytes()) {
                // Each JSON file is read twice (checked, then read): the total counts both passes.
                throw fail(expandedTotal());
            }
        };
    }

    /** The files, for {@link org.audiu.core.history.HistoryReader#read(String, List, boolean)}. */
    List<ExportFile> files() {
        return Collections.unmodifiableList(files);
    }

    /** True when the upload is one plain file (read by its extension and content). */
    boolean oneFileGiven() {
        return oneFileGiven;
    }

    /** The first limit passed while the files were read, if any. */
    Optional<WebApiException> violation() {
        return Optional.ofNullable(violation.get());
    }

    /** Releases the zips (memory only; nothing was written anywhere). */
    void close() {
        for (ZipFile z : zips) {
            try {
                z.close();
            } catch (IOException e) {
                // In memory: nothing to release that can fail.
            }
        }
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 && b[3] == 4 || b[2] == 5 && b[3] == 6);
    }

    private static String baseName(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    /** A name telling the reader the format of a body sent without one: JSON, JSON lines or CSV. */
    static String sniff(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < b.length && Character.isWhitespace(b[i])) {
            i++;
        }
        if (i < b.length && b[i] == '[') {
            return "upload.json";
        }
        if (i < b.length && b[i] == '{') {
            // JSON lines: a newline followed by another object.
            for (int k = i; k < Math.min(b.length, 1 << 20); k++) {
                if (b[k] == '\n') {
                    int j = k + 1;
                    while (j < b.length && (b[j] == ' ' || b[j] == '\r' || b[j] == '\t')) {
                        j++;
                    }
                    return j < b.length && b[j] == '{' ? "upload.jsonl" : "upload.json";
                }
            }
            return "upload.json";
        }
        return "upload.csv";
    }

    private static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, 4096);
        int odd = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0 || c < 9 || c > 13 && c < 32) {
                odd++;
            }
        }
        return odd > n / 100;
    }
}
