package org.audiu.core.dataset;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.audiu.core.AudioFeatures;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads CSV files of tracks with Spotify-style audio features: the public "music genre" and "30000 Spotify songs"
 * datasets and the common variants (any column order, a byte-order mark, pitch-name keys, {@code Major}/
 * {@code Minor}, {@code ?} and {@code -1} placeholders, duplicate track ids, empty rows). Columns are recognised
 * by name; a bad line is reported with its line number and reason and skipped (or fails the load when strict).
 * Good rows are never lost because of a bad one: after a broken quote, reading resumes on the next line
 * ({@link CsvRecordReader}). Files are read in UTF-8 unless the options name another charset; a file that is not
 * such text fails saying what it is, or where its first undecodable byte is.
 */
public final class CsvDatasetReader {
    private static final Logger LOG = LoggerFactory.getLogger(CsvDatasetReader.class);

    static final List<String> ID_COLUMNS = List.of("track_id", "id", "spotify_id", "track_uri", "uri", "instance_id");
    static final List<String> NAME_COLUMNS = List.of("track_name", "name", "title", "song", "song_name");
    static final List<String> ARTIST_COLUMNS = List.of("track_artist", "artist_name", "artists", "artist",
            "artist_names");
    static final List<String> ALBUM_COLUMNS = List.of("track_album_name", "album_name", "album");
    static final List<String> RELEASE_COLUMNS = List.of("track_album_release_date", "release_date",
            "album_release_date", "year");
    static final List<String> POPULARITY_COLUMNS = List.of("track_popularity", "popularity");
    static final List<String> LABEL_COLUMNS = List.of("music_genre", "playlist_genre", "genre", "track_genre",
            "label");
    static final List<String> PLAYLIST_ID_COLUMNS = List.of("playlist_id");
    static final List<String> PLAYLIST_NAME_COLUMNS = List.of("playlist_name");
    /** Columns never used as features by the all-numeric fallback: identifiers and label leaks. */
    static final Set<String> NEVER_FEATURES = Set.of("instance_id", "obtained_date", "id", "track_id", "index",
            "unnamed: 0", "playlist_id", "track_album_id", "album_id", "artist_id");

    /** Bad lines listed in the warning after a read; all of them are in {@link TrackDataset#problems()}. */
    static final int SHOWN_PROBLEMS = 5;

    private final CsvReadOptions options;

    public CsvDatasetReader(CsvReadOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /**
     * Loads a file.
     *
     * @throws DataException for a missing, unreadable or empty file, a file that is not text in the options' charset
     *                       (saying what it is, or where its first undecodable byte is), a header without usable
     *                       feature columns, or (strict) the first bad line
     */
    public TrackDataset read(Path file) {
        try (Reader reader = CsvText.open(file, options.charset())) {
            return read(reader, file);
        } catch (NoSuchFileException e) {
            throw new DataException("Dataset file not found: " + file.toAbsolutePath(), e);
        } catch (IOException | UncheckedIOException e) {
            throw failure(file, e);
        }
    }

    /**
     * Loads several files as one catalogue: each song once, by track id and by normalised main artist + title (the
     * first file's track wins), the feature columns they all have ({@link DatasetMerge}). One file reads as
     * {@link #read(Path)}.
     *
     * @throws DataException naming the first missing file (before any file is read), or as {@link #read(Path)}
     */
    public TrackDataset read(List<Path> files) {
        if (files.isEmpty()) {
            throw new DataException("No track file to read: name at least one CSV");
        }
        for (Path f : files) {
            if (!java.nio.file.Files.exists(f)) {
                throw new DataException("Dataset file not found: " + f.toAbsolutePath()
                        + (files.size() > 1 ? " (one of the " + files.size() + " files " + files + ")" : ""));
            }
        }
        if (files.size() == 1) {
            return read(files.get(0));
        }
        // The files are read side by side (each read is independent); the parts keep the files' order.
        return DatasetMerge.merge(files.parallelStream().map(this::read).toList());
    }

    private DataException failure(Path file, Exception e) {
        if (CsvText.isDecodingFailure(e)) {
            return CsvText.undecodable(file, options.charset());
        }
        return new DataException("Could not read dataset " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }

    static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).get();
    }

    /**
     * One column's trimmed text by the line number {@link #read} gives each row ({@link DatasetTrack#line()}), e.g.
     * to group rows by an album or file-prefix column. Read in UTF-8.
     *
     * @throws DataException for a missing or unreadable file, or a column the header lacks (naming its columns)
     */
    public static GroupColumn groupColumn(Path file, String column) {
        return groupColumn(file, column, StandardCharsets.UTF_8);
    }

    /** {@link #groupColumn(Path, String)} for a file in another charset. */
    public static GroupColumn groupColumn(Path file, String column, Charset charset) {
        try (Reader reader = CsvText.open(file, charset);
             CsvRecordReader records = new CsvRecordReader(reader, format(), (line, reason) -> { })) {
            List<String> header = records.header().stream().map(String::trim).toList();
            int idx = DatasetColumns.detect(header).index(column.trim());
            if (idx < 0) {
                throw new DataException("Group column '" + column + "' is not in " + file + ". Its columns are "
                        + header + "; name one with --group COLUMN (e.g. an artist, album or file-prefix column).");
            }
            java.util.Map<Long, String> byLine = new java.util.HashMap<>();
            for (CsvRecordReader.Row row = records.next(); row != null; row = records.next()) {
                CSVRecord r = row.record();
                if (idx < r.size() && !ValueParsers.isPlaceholder(r.get(idx))) {
                    byLine.put(row.line(), r.get(idx).trim());
                }
            }
            return new GroupColumn(column.trim().toLowerCase(Locale.ROOT), byLine);
        } catch (IOException | UncheckedIOException e) {
            if (CsvText.isDecodingFailure(e)) {
                throw CsvText.undecodable(file, charset);
            }
            throw new DataException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    TrackDataset read(Reader reader, Path file) throws IOException {
        TrackDataset dataset = parse(reader, file, null).build();
        if (dataset.tracks().isEmpty()) {
            throw new DataException(file + " has no usable track rows (" + dataset.rowsRead() + " rows read, "
                    + dataset.problems().size() + " bad"
                    + (dataset.problems().isEmpty() ? "" : "; first: " + dataset.problems().get(0)) + ").");
        }
        LOG.info("{}", dataset.summary());
        if (!dataset.problems().isEmpty()) {
            LOG.warn("{}", dataset.problemReport(SHOWN_PROBLEMS));
        }
        return dataset;
    }

    /**
     * What {@link #stream} read.
     *
     * @param source      the file
     * @param schema      the feature columns each track carried
     * @param labelColumn the label column, when the file has one
     * @param rowsRead    rows read, not counting empty lines
     * @param emptyRows   empty lines skipped
     * @param problems    rows skipped and why, in line order
     */
    public record Streamed(Path source, FeatureSchema schema, Optional<String> labelColumn, long rowsRead,
                           long emptyRows, List<DatasetProblem> problems) {
        public Streamed {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads a file row by row without keeping it: each usable row goes to {@code sink} as a track (with the same
     * parsing, placeholders and problems as {@link #read(Path)}), in file order. Unlike {@link #read(Path)}, a
     * repeated track id is passed on again and playlists are not collected, so a file of any length reads in the
     * memory of one row.
     *
     * @throws DataException as {@link #read(Path)}, and when no row was usable
     */
    public Streamed stream(Path file, Consumer<DatasetTrack> sink) {
        Objects.requireNonNull(sink, "sink");
        Streamed streamed;
        try (Reader reader = CsvText.open(file, options.charset())) {
            streamed = parse(reader, file, sink).streamed();
        } catch (NoSuchFileException e) {
            throw new DataException("Dataset file not found: " + file.toAbsolutePath(), e);
        } catch (IOException | UncheckedIOException e) {
            throw failure(file, e);
        }
        if (streamed.rowsRead() == streamed.problems().size()) {
            throw new DataException(file + " has no usable track rows (" + streamed.rowsRead() + " rows read, "
                    + streamed.problems().size() + " bad" + (streamed.problems().isEmpty() ? ""
                    : "; first: " + streamed.problems().get(0)) + ").");
        }
        if (!streamed.problems().isEmpty()) {
            LOG.warn("{}: {} of {} rows skipped; first: {}", file, streamed.problems().size(), streamed.rowsRead(),
                    streamed.problems().get(0));
        }
        return streamed;
    }

    private DatasetRowBuilder parse(Reader reader, Path file, Consumer<DatasetTrack> sink) throws IOException {
        List<DatasetProblem> early = new ArrayList<>();
        DatasetRowBuilder[] builderRef = new DatasetRowBuilder[1];
        CsvReadAhead[] readAhead = new CsvReadAhead[1];
        CsvRecordReader.Problems problems = (line, reason) -> {
            if (readAhead[0] != null) {
                readAhead[0].report(line, reason);
            } else if (builderRef[0] != null) {
                builderRef[0].problem(line, reason);
            } else if (options.strict()) {
                throw new DataException(file + " " + new DatasetProblem(line, reason) + " (strict mode: set 'strict "
                        + "= false' to skip bad lines and keep the rest)");
            } else {
                early.add(new DatasetProblem(line, reason));
            }
        };
        try (CsvRecordReader records = new CsvRecordReader(reader, format(), problems)) {
            List<String> header = records.header().stream().map(h -> h.trim()).toList();
            if (header.isEmpty() || header.stream().allMatch(String::isEmpty)) {
                throw new DataException(file + " is empty or has no header line. A track CSV needs a header such as "
                        + "track_id,track_name,track_artist,danceability,energy,...");
            }
            DatasetColumns columns = DatasetColumns.detect(header);
            List<CsvRecordReader.Row> lookahead = new ArrayList<>();
            FeatureSchema schema;
            if (!options.featureColumns().isEmpty()) {
                List<String> missing = options.featureColumns().stream()
                        .filter(c -> columns.index(c) < 0).toList();
                if (!missing.isEmpty()) {
                    throw new DataException("Feature column(s) " + missing + " are not in " + file
                            + ". Its columns are " + header + ".");
                }
                schema = new FeatureSchema(options.featureColumns());
            } else {
                List<String> standard = AudioFeatures.STANDARD.names().stream()
                        .filter(c -> columns.index(c) >= 0).toList();
                if (!standard.isEmpty()) {
                    schema = new FeatureSchema(standard);
                } else {
                    for (CsvRecordReader.Row row = records.next(); row != null; row = records.next()) {
                        lookahead.add(row);
                        if (lookahead.size() == 200) {
                            break;
                        }
                    }
                    schema = numericColumns(header, columns,
                            lookahead.stream().map(CsvRecordReader.Row::record).toList(), file);
                }
            }
            Optional<String> labelColumn = options.labelColumn().isPresent()
                    ? options.labelColumn() : columns.first(LABEL_COLUMNS);
            if (options.labelColumn().isPresent() && columns.index(options.labelColumn().get()) < 0) {
                throw new DataException("Label column '" + options.labelColumn().get() + "' is not in " + file
                        + ". Its columns are " + header + ".");
            }
            DatasetRowBuilder builder = new DatasetRowBuilder(file, schema, labelColumn, columns, options.strict(),
                    sink);
            early.forEach(p -> builder.problem(p.line(), p.reason()));
            builderRef[0] = builder;
            for (CsvRecordReader.Row row : lookahead) {
                builder.accept(row.record(), row.line());
            }
            if (Runtime.getRuntime().availableProcessors() > 1) {
                readAhead[0] = new CsvReadAhead();
                readAhead[0].run(records, new CsvReadAhead.Receiver() {
                    @Override
                    public void record(CsvRecordReader.Row row) {
                        builder.accept(row.record(), row.line());
                    }

                    @Override
                    public void problem(long line, String reason) {
                        builder.problem(line, reason);
                    }
                });
            } else {
                for (CsvRecordReader.Row row = records.next(); row != null; row = records.next()) {
                    builder.accept(row.record(), row.line());
                }
            }
            return builder;
        }
    }

    private static FeatureSchema numericColumns(List<String> header, DatasetColumns columns, List<CSVRecord> sample,
                                                Path file) {
        Set<String> nonFeatures = new LinkedHashSet<>(NEVER_FEATURES);
        for (List<String> group : List.of(ID_COLUMNS, NAME_COLUMNS, ARTIST_COLUMNS, ALBUM_COLUMNS, RELEASE_COLUMNS,
                LABEL_COLUMNS, PLAYLIST_ID_COLUMNS, PLAYLIST_NAME_COLUMNS, POPULARITY_COLUMNS)) {
            nonFeatures.addAll(group);
        }
        List<String> numeric = new ArrayList<>();
        for (String column : header) {
            String c = column.toLowerCase(Locale.ROOT);
            if (c.isEmpty() || nonFeatures.contains(c)) {
                continue;
            }
            int idx = columns.index(column);
            long present = sample.stream().filter(r -> idx < r.size() && !ValueParsers.isPlaceholder(r.get(idx)))
                    .count();
            long numbers = sample.stream().filter(r -> idx < r.size() && ValueParsers.looksNumeric(c, r.get(idx)))
                    .count();
            if (present > 0 && numbers >= 0.9 * present) {
                numeric.add(c);
            }
        }
        if (numeric.isEmpty()) {
            throw new DataException(file + " has no usable feature column. Its columns are " + header
                    + "; audiU looks for the standard audio features " + AudioFeatures.STANDARD
                    + " or, failing those, numeric columns. Rename the columns or list them in 'features.columns'.");
        }
        return new FeatureSchema(numeric);
    }

    static String normaliseId(String raw) {
        if (raw == null) {
            return "";
        }
        String id = raw.trim();
        if (id.startsWith("spotify:track:")) {
            id = id.substring("spotify:track:".length());
        }
        if (id.endsWith(".0") && id.substring(0, id.length() - 2).chars().allMatch(Character::isDigit)) {
            id = id.substring(0, id.length() - 2); // "32894.0" from a float-typed id column
        }
        return id;
    }

    /** "A", "A;B", or a Python-style list "['A', 'B']". Commas alone do not split: "Tyler, The Creator". */
    static List<String> parseArtists(String raw) {
        if (ValueParsers.isPlaceholder(raw)) {
            return List.of();
        }
        String v = raw.trim();
        List<String> out = new ArrayList<>();
        if (v.startsWith("[") && v.endsWith("]")) {
            for (String part : v.substring(1, v.length() - 1).split("',\\s*'|\",\\s*\"")) {
                String a = part.replaceAll("^['\"]|['\"]$", "").trim();
                if (!a.isEmpty()) {
                    out.add(a);
                }
            }
        } else {
            for (String part : v.split(";")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
