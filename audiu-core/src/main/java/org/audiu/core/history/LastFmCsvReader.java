package org.audiu.core.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Last.fm scrobbles as the common exporters write them: rows {@code artist, album, track, date}
 * ({@code 31 Jan 2021 18:04}), with or without a header. A header may name the columns in another order
 * ({@code artist}, {@code album}, {@code track}/{@code title}/{@code name}, {@code date}/{@code utc_time}/{@code uts}).
 * A bad row is reported with its line number and skipped; a file whose columns are not these is refused as a whole.
 */
final class LastFmCsvReader {
    private final HistoryAggregator sink;

    LastFmCsvReader(HistoryAggregator sink) {
        this.sink = sink;
    }

    /** Column positions. */
    private record Columns(int artist, int album, int track, int date, int width) {
        static final Columns POSITIONAL = new Columns(0, 1, 2, 3, 4);

        static Optional<Columns> fromHeader(List<String> cells) {
            int artist = find(cells, "artist", "artist_name", "artist name");
            int track = find(cells, "track", "title", "name", "track_name", "track name");
            int date = find(cells, "date", "utc_time", "uts", "timestamp", "time", "played_at");
            if (artist < 0 || track < 0 || date < 0) {
                return Optional.empty();
            }
            return Optional.of(new Columns(artist, find(cells, "album", "album_name", "album name"), track, date,
                    cells.size()));
        }

        private static int find(List<String> cells, String... names) {
            for (String n : names) {
                for (int i = 0; i < cells.size(); i++) {
                    if (cells.get(i).strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "").equals(n)) {
                        return i;
                    }
                }
            }
            return -1;
        }
    }

    void read(String name, InputStream in) throws IOException {
        long records = 0;
        long plays = 0;
        boolean started = false;
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).build();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
            Iterator<CSVRecord> it = parser.iterator();
            Columns columns = null;
            while (true) {
                CSVRecord row;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    row = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    sink.problem(name, parser.getCurrentLineNumber(), "unreadable CSV (" + e.getMessage()
                            + "); the rows before it are kept, the rest of this file is not readable");
                    break;
                }
                List<String> cells = row.toList();
                if (columns == null) {
                    Optional<Columns> header = Columns.fromHeader(cells);
                    if (header.isPresent()) {
                        columns = header.get();
                        continue;
                    }
                    if (cells.size() != 4 || Timestamps.parse(cells.get(3)).isEmpty()) {
                        sink.problem(name, 0, "not a Last.fm scrobble export: expected rows 'artist, album, track, "
                                + "date' (like 'Radiohead,OK Computer,Airbag,31 Jan 2021 18:04') or a header naming "
                                + "artist, track and date columns; line " + row.getRecordNumber() + " has "
                                + cells.size() + " column" + (cells.size() == 1 ? "" : "s")
                                + (cells.size() == 4 ? " and no readable date in the 4th" : "") + ". File skipped");
                        return;
                    }
                    columns = Columns.POSITIONAL;
                }
                started = true;
                records++;
                sink.record();
                long line = parser.getCurrentLineNumber();
                if (cells.size() != columns.width()) {
                    sink.problem(name, line, "expected " + columns.width() + " columns, found " + cells.size()
                            + "; skipped");
                    continue;
                }
                String artist = cells.get(columns.artist());
                String track = cells.get(columns.track());
                if (artist.isEmpty() || track.isEmpty()) {
                    sink.problem(name, line, "empty " + (artist.isEmpty() ? "artist" : "track") + "; skipped");
                    continue;
                }
                Optional<Instant> at = Timestamps.parse(cells.get(columns.date()));
                if (at.isEmpty()) {
                    String raw = cells.get(columns.date());
                    sink.problem(name, line, "unreadable date '" + (raw.length() > 40 ? raw.substring(0, 40) : raw)
                            + "' (expected " + Timestamps.accepted() + "); skipped");
                    continue;
                }
                String album = columns.album() >= 0 ? cells.get(columns.album()) : "";
                sink.play(new Play(artist, track, album, Optional.empty(), Optional.empty(), at.get(), -1,
                        Optional.empty(), ""));
                plays++;
            }
        } finally {
            if (started) {
                sink.file(new HistoryFile(name, HistoryFormat.LASTFM_CSV, records, plays));
            }
        }
    }
}
