package org.audiu.core.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a CSV text, each with its line number, that survive a broken quote. commons-csv reads a field that
 * opens with a quote up to the next quote, however many lines later: one unclosed quote would swallow the rest of the
 * file (or fail at its end). This reader notices it (the parser fails, or returns a record over several lines with
 * the wrong number of fields), reports the line where that record starts, and parses again from the next line, so
 * only that line is lost. The text after the last good record is kept aside until the next good record, which is what
 * makes parsing it again possible; a correct quoted field over several lines is still one record.
 *
 * <p>Not thread-safe; one per file.
 */
final class CsvRecordReader implements Closeable {
    /** Where bad records go: a problem on a line, which may throw to stop reading (strict mode). */
    interface Problems {
        void report(long line, String reason);
    }

    /** A record and the line it ends on (the file's line numbers, the header being line 1). */
    record Row(CSVRecord record, long line) {
    }

    private final LineTap tap;
    private final CSVFormat resumeFormat;
    private final List<String> header;
    private final Problems problems;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    /** File lines before the current parser's first line. */
    private long lineOffset;
    /** The last line of the last record returned (or of the header). */
    private long lastLine;

    /**
     * @param text     the file's text (its first line the header)
     * @param format   the format, with a header read from the first line
     * @param problems gets each broken record
     * @throws IOException when the header cannot be read
     */
    CsvRecordReader(Reader text, CSVFormat format, Problems problems) throws IOException {
        this.tap = new LineTap(text);
        this.problems = problems;
        this.parser = CSVParser.builder().setReader(tap).setFormat(format).get();
        this.header = parser.getHeaderNames();
        this.records = parser.iterator();
        this.resumeFormat = format.builder().setHeader((String[]) null).setSkipHeaderRecord(false).get();
        this.lastLine = parser.getCurrentLineNumber();
        tap.release(lastLine);
    }

    /** The header's names as the file has them. */
    List<String> header() {
        return header;
    }

    /** The next good record, or null at the end of the text. */
    Row next() throws IOException {
        while (true) {
            CSVRecord r;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                r = records.next();
            } catch (UncheckedIOException e) {
                if (CsvText.isDecodingFailure(e) || !(e.getCause() instanceof CSVException)) {
                    // Undecodable bytes, or the text itself failed (a read error): not a broken quote to skip.
                    throw e.getCause();
                }
                long failedAt = lineOffset + parser.getCurrentLineNumber();
                resynchronise("runs on to line " + failedAt + " without a closing quote followed by a comma or the "
                        + "end of the line");
                continue;
            }
            long line = lineOffset + parser.getCurrentLineNumber();
            if (line - lastLine > 1 && r.size() != header.size()) {
                long start = tap.firstRecordLine();
                if (start < line) {
                    resynchronise("takes lines " + start + " to " + line + " as one row of " + r.size()
                            + " fields (the header has " + header.size() + ")");
                    continue;
                }
            }
            tap.release(line);
            lastLine = line;
            return new Row(r, line);
        }
    }

    /** Reports the record after the last good one as broken and parses again from its second line. */
    private void resynchronise(String what) throws IOException {
        long start = tap.firstRecordLine();
        problems.report(start, "broken quote: a quoted field on this line " + what + "; the line was skipped and "
                + "reading resumed on the next one");
        tap.replayAfter(start);
        lineOffset = start;
        lastLine = start;
        // The abandoned parser is not closed: that would close the text, which the new parser goes on reading.
        parser = CSVParser.builder().setReader(tap).setFormat(resumeFormat).get();
        records = parser.iterator();
    }

    @Override
    public void close() throws IOException {
        tap.close();
    }

    /**
     * Hands the text to the parser and keeps what it has read since the end of the last good record, by physical
     * line (ends of line as commons-csv counts them: CR, LF or CR LF).
     */
    private static final class LineTap extends Reader {
        private final Reader in;
        /**
         * The kept text, {@code kept[0..keptLength)}: a plain array rather than a StringBuilder, since every character
         * read is scanned once more here, and {@code StringBuilder.charAt}'s checks were a fifth of the reading thread.
         */
        private char[] kept = new char[1 << 16];
        private int keptLength;
        /** Index in {@link #kept} where line {@link #keptLine} starts. */
        private int start;
        /** The file line that starts at {@link #start}. */
        private long keptLine = 1;
        /** A CR ended the text released so far: an LF right after it ends no other line. */
        private boolean afterCr;
        /** Text to hand out again before reading on. */
        private String replay = "";
        private int replayed;

        LineTap(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n;
            if (replayed < replay.length()) {
                n = Math.min(len, replay.length() - replayed);
                replay.getChars(replayed, replayed + n, buf, off);
                replayed += n;
            } else {
                n = in.read(buf, off, len);
            }
            if (n > 0) {
                keep(buf, off, n);
            }
            return n;
        }

        private void keep(char[] buf, int off, int n) {
            if (keptLength + n > kept.length) {
                kept = Arrays.copyOf(kept, Math.max(kept.length * 2, keptLength + n));
            }
            System.arraycopy(buf, off, kept, keptLength, n);
            keptLength += n;
        }

        /** Forgets the text up to the end of {@code line}. */
        void release(long line) {
            while (keptLine <= line && start < keptLength) {
                char c = kept[start++];
                if (c == '\n' && afterCr) {
                    afterCr = false;
                    continue;
                }
                afterCr = c == '\r';
                if (c == '\n' || c == '\r') {
                    keptLine++;
                    if (c == '\r' && start < keptLength && kept[start] == '\n') {
                        start++;
                        afterCr = false;
                    }
                }
            }
            if (afterCr && start < keptLength && kept[start] == '\n') {
                start++;
                afterCr = false;
            }
            if (start > 1 << 16 && start > keptLength / 2) {
                System.arraycopy(kept, start, kept, 0, keptLength - start);
                keptLength -= start;
                start = 0;
            }
        }

        /** The line the next record starts on: the first line after the released text that is not empty. */
        long firstRecordLine() {
            long line = keptLine;
            int i = start;
            boolean cr = afterCr;
            while (i < keptLength) {
                char c = kept[i];
                if (c == '\n' && cr) {
                    cr = false;
                    i++;
                    continue;
                }
                if (c != '\n' && c != '\r') {
                    return line;
                }
                cr = c == '\r';
                line++;
                i++;
            }
            return line;
        }

        /** Hands out the kept text after {@code line} again, then reads on. */
        void replayAfter(long line) {
            release(line);
            replay = new String(kept, start, keptLength - start) + replay.substring(replayed);
            replayed = 0;
            keptLength = 0;
            start = 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
