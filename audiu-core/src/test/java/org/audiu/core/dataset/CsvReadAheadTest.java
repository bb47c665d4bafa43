package org.audiu.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reading ahead on a second thread gives exactly what the one-thread loop over the records gives, in order. */
class CsvReadAheadTest {

    /** A file of {@code rows} rows, some with a broken quote (skipped and reported by the reader). */
    private static String file(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder("track_id,track_name,energy\n");
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(200) == 0) {
                s.append("t").append(i).append(",\"broken \"quote, here,0.5\n");
            } else {
                s.append("t").append(i).append(",Song ").append(i).append(',').append(r.nextDouble()).append('\n');
            }
        }
        return s.toString();
    }

    /** What a receiver saw: "row LINE id" and "problem LINE reason", in order. */
    private static List<String> oneThread(String text) throws IOException {
        List<String> seen = new ArrayList<>();
        try (CsvRecordReader records = new CsvRecordReader(new StringReader(text), CsvDatasetReader.format(),
                (line, reason) -> seen.add("problem " + line + " " + reason))) {
            for (CsvRecordReader.Row row = records.next(); row != null; row = records.next()) {
                seen.add("row " + row.line() + " " + row.record().get(0) + " " + row.record().get(2));
            }
        }
        return seen;
    }

    private static List<String> readAhead(Reader text) throws IOException {
        List<String> seen = new ArrayList<>();
        CsvReadAhead ahead = new CsvReadAhead();
        try (CsvRecordReader records = new CsvRecordReader(text, CsvDatasetReader.format(), ahead)) {
            ahead.run(records, new CsvReadAhead.Receiver() {
                @Override
                public void record(CsvRecordReader.Row row) {
                    seen.add("row " + row.line() + " " + row.record().get(0) + " " + row.record().get(2));
                }

                @Override
                public void problem(long line, String reason) {
                    seen.add("problem " + line + " " + reason);
                }
            });
        }
        return seen;
    }

    @Test
    void givesTheRecordsAndProblemsInFileOrder() throws IOException {
        for (int rows : new int[] {0, 1, 511, 512, 513, 20_000}) {
            String text = file(rows, rows);
            List<String> expected = oneThread(text);
            assertEquals(expected, readAhead(new StringReader(text)), rows + " rows");
            if (rows == 20_000) {
                assertTrue(expected.stream().anyMatch(s -> s.startsWith("problem")), "the file has broken lines");
            }
        }
    }

    @Test
    void aReadErrorComesAfterTheRecordsBeforeIt() {
        String text = file(5_000, 7);
        Reader failing = new Reader() {
            private final StringReader in = new StringReader(text.substring(0, text.length() / 2));

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, len);
                if (n < 0) {
                    throw new IOException("disk gone");
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
        List<String> seen = new ArrayList<>();
        CsvReadAhead ahead = new CsvReadAhead();
        Exception e = assertThrows(Exception.class, () -> {
            try (CsvRecordReader records = new CsvRecordReader(failing, CsvDatasetReader.format(), ahead)) {
                ahead.run(records, new CsvReadAhead.Receiver() {
                    @Override
                    public void record(CsvRecordReader.Row row) {
                        seen.add(row.record().get(0));
                    }

                    @Override
                    public void problem(long line, String reason) {
                    }
                });
            }
        });
        assertTrue(String.valueOf(e.getMessage()).contains("disk gone")
                || String.valueOf(e.getCause()).contains("disk gone"), e.toString());
        assertTrue(seen.size() > 1_000, "the records before the error were handed over: " + seen.size());
    }

    @Test
    void theCallersFailureStopsTheReadingThread() throws IOException {
        String text = file(50_000, 3);
        CsvReadAhead ahead = new CsvReadAhead();
        try (CsvRecordReader records = new CsvRecordReader(new StringReader(text), CsvDatasetReader.format(),
                ahead)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ahead.run(records,
                    new CsvReadAhead.Receiver() {
                        int n;

                        @Override
                        public void record(CsvRecordReader.Row row) {
                            if (++n == 100) {
                                throw new IllegalStateException("strict: bad row");
                            }
                        }

                        @Override
                        public void problem(long line, String reason) {
                        }
                    }));
            assertEquals("strict: bad row", e.getMessage());
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("audiu-csv-reader")),
                "the reading thread has ended");
    }
}
