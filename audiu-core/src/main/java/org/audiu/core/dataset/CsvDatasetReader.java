package org.audiu.core.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
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
 * Good rows are never lost because of a bad one.
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

    private final CsvReadOptions options;

    public CsvDatasetReader(CsvReadOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /**
     * Loads a file.
     *
     * @throws DataException for a missing, unreadable or empty file, a header without usable feature columns, or
     *                       (strict) the first bad line
     */
    public TrackDataset read(Path file) {
        if (!Files.exists(file)) {
            throw new DataException("Dataset file not found: " + file.toAbsolutePath()
                    + ". Check the path in your configuration (relative paths are resolved against the config file's "
                    + "folder).");
        }
        if (Files.isDirectory(file)) {
            throw new DataException("Dataset path " + file.toAbsolutePath() + " is a folder; point it at a CSV file.");
        }
        try (Reader reader = withoutBom(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return read(reader, file);
        } catch (NoSuchFileException e) {
            throw new DataException("Dataset file not found: " + file.toAbsolutePath(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new DataException("Could not read dataset " + file.toAbsolutePath() + ": " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("EOF") ? " (an unclosed quote?)" : ""), e);
        }
    }

    private static Reader withoutBom(BufferedReader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).get();
    }

    /**
     * One column's trimmed text by the line number {@link #read} gives each row ({@link DatasetTrack#line()}), e.g.
     * to group rows by an album or file-prefix column.
     *
     * @throws DataException for a missing or unreadable file, or a column the header lacks (naming its columns)
     */
    public static GroupColumn groupColumn(Path file, String column) {
        if (!Files.isRegularFile(file)) {
            throw new DataException("Dataset file not found: " + file.toAbsolutePath() + ".");
        }
        try (Reader reader = withoutBom(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format()).get()) {
            List<String> header = parser.getHeaderNames().stream().map(String::trim).toList();
            int idx = DatasetColumns.detect(header).index(column.trim());
            if (idx < 0) {
                throw new DataException("Group column '" + column + "' is not in " + file + ". Its columns are "
                        + header + "; name one with --group COLUMN (e.g. an artist, album or file-prefix column).");
            }
            java.util.Map<Long, String> byLine = new java.util.HashMap<>();
            var iterator = parser.iterator();
            while (iterator.hasNext()) {
                CSVRecord r = iterator.next();
                if (idx < r.size() && !ValueParsers.isPlaceholder(r.get(idx))) {
                    byLine.put(parser.getCurrentLineNumber(), r.get(idx).trim());
                }
            }
            return new GroupColumn(column.trim().toLowerCase(Locale.ROOT), byLine);
        } catch (IOException | UncheckedIOException e) {
            throw new DataException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    TrackDataset read(Reader reader, Path file) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format()).get()) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.trim()).toList();
            if (header.isEmpty() || header.stream().allMatch(String::isEmpty)) {
                throw new DataException(file + " is empty or has no header line. A track CSV needs a header such as "
                        + "track_id,track_name,track_artist,danceability,energy,...");
            }
            DatasetColumns columns = DatasetColumns.detect(header);
            List<CSVRecord> lookahead = new ArrayList<>();
            List<Long> lookaheadLines = new ArrayList<>();
            var iterator = parser.iterator();
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
                    while (iterator.hasNext() && lookahead.size() < 200) {
                        lookahead.add(iterator.next());
                        lookaheadLines.add(parser.getCurrentLineNumber());
                    }
                    schema = numericColumns(header, columns, lookahead, file);
                }
            }
            Optional<String> labelColumn = options.labelColumn().isPresent()
                    ? options.labelColumn() : columns.first(LABEL_COLUMNS);
            if (options.labelColumn().isPresent() && columns.index(options.labelColumn().get()) < 0) {
                throw new DataException("Label column '" + options.labelColumn().get() + "' is not in " + file
                        + ". Its columns are " + header + ".");
            }
            DatasetRowBuilder builder = new DatasetRowBuilder(file, schema, labelColumn, columns, options.strict());
            for (int i = 0; i < lookahead.size(); i++) {
                builder.accept(lookahead.get(i), lookaheadLines.get(i));
            }
            while (true) {
                CSVRecord r;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    r = iterator.next();
                } catch (UncheckedIOException e) {
                    // The parser cannot resynchronise after a broken quote: keep what was read, say where it stopped.
                    String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
                    builder.problem(parser.getCurrentLineNumber(), "unreadable CSV from here on (" + why
                            + "; an unclosed quote?); the rows before it are kept");
                    break;
                }
                builder.accept(r, parser.getCurrentLineNumber());
            }
            TrackDataset dataset = builder.build();
            if (dataset.tracks().isEmpty()) {
                throw new DataException(file + " has no usable track rows (" + dataset.rowsRead() + " rows read, "
                        + dataset.problems().size() + " bad"
                        + (dataset.problems().isEmpty() ? "" : "; first: " + dataset.problems().get(0)) + ").");
            }
            LOG.info("{}", dataset.summary());
            dataset.problems().stream().limit(10).forEach(p -> LOG.warn("{}: skipped {}", file.getFileName(), p));
            return dataset;
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
