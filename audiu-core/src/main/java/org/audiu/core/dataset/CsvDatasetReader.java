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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.audiu.core.AudioFeatures;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.features.TrackMetadataFeatures;
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

    TrackDataset read(Reader reader, Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.trim()).toList();
            if (header.isEmpty() || header.stream().allMatch(String::isEmpty)) {
                throw new DataException(file + " is empty or has no header line. A track CSV needs a header such as "
                        + "track_id,track_name,track_artist,danceability,energy,...");
            }
            Columns columns = Columns.detect(header);
            List<CSVRecord> lookahead = new ArrayList<>();
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
            Builder builder = new Builder(file, schema, labelColumn, columns, options.strict());
            for (CSVRecord r : lookahead) {
                builder.accept(r);
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
                builder.accept(r);
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

    private static FeatureSchema numericColumns(List<String> header, Columns columns, List<CSVRecord> sample,
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

    /** Header positions, case-insensitive. */
    private record Columns(Map<String, Integer> positions) {
        static Columns detect(List<String> header) {
            Map<String, Integer> p = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                p.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
            }
            return new Columns(p);
        }

        int index(String name) {
            return positions.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
        }

        Optional<String> first(List<String> names) {
            return names.stream().filter(n -> index(n) >= 0).findFirst();
        }
    }

    /** Accumulates rows into a dataset. */
    private static final class Builder {
        private final Path file;
        private final FeatureSchema schema;
        private final Optional<String> labelColumn;
        private final boolean strict;
        private final int[] featureIdx;
        private final int idIdx;
        private final int nameIdx;
        private final int artistIdx;
        private final int albumIdx;
        private final int releaseIdx;
        private final int popularityIdx;
        private final int durationIdx;
        private final int explicitIdx;
        private final int labelIdx;
        private final int playlistIdIdx;
        private final int playlistNameIdx;
        private final int headerSize;
        private final Map<String, DatasetTrack> tracks = new LinkedHashMap<>();
        private final Map<String, List<String>> memberships = new LinkedHashMap<>();
        private final Map<String, PlaylistAccumulator> playlists = new LinkedHashMap<>();
        private final List<DatasetProblem> problems = new ArrayList<>();
        private long rows;
        private long empty;
        private long duplicates;
        private long conflicts;

        Builder(Path file, FeatureSchema schema, Optional<String> labelColumn, Columns c, boolean strict) {
            this.file = file;
            this.schema = schema;
            this.labelColumn = labelColumn;
            this.strict = strict;
            this.featureIdx = schema.names().stream().mapToInt(c::index).toArray();
            this.idIdx = c.first(ID_COLUMNS).map(c::index).orElse(-1);
            this.nameIdx = c.first(NAME_COLUMNS).map(c::index).orElse(-1);
            this.artistIdx = c.first(ARTIST_COLUMNS).map(c::index).orElse(-1);
            this.albumIdx = c.first(ALBUM_COLUMNS).map(c::index).orElse(-1);
            this.releaseIdx = c.first(RELEASE_COLUMNS).map(c::index).orElse(-1);
            this.popularityIdx = c.first(POPULARITY_COLUMNS).map(c::index).orElse(-1);
            this.durationIdx = c.index(AudioFeatures.DURATION_MS);
            this.explicitIdx = c.index(TrackMetadataFeatures.EXPLICIT);
            this.labelIdx = labelColumn.map(c::index).orElse(-1);
            this.playlistIdIdx = c.first(PLAYLIST_ID_COLUMNS).map(c::index).orElse(-1);
            this.playlistNameIdx = c.first(PLAYLIST_NAME_COLUMNS).map(c::index).orElse(-1);
            this.headerSize = c.positions().values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        }

        void problem(long line, String reason) {
            DatasetProblem p = new DatasetProblem(line, reason);
            if (strict) {
                throw new DataException(file + " " + p + " (strict mode: set 'strict = false' to skip bad lines "
                        + "and keep the rest)");
            }
            problems.add(p);
        }

        void accept(CSVRecord r) {
            long line = r.getParser().getCurrentLineNumber();
            boolean allEmpty = true;
            for (String v : r) {
                if (v != null && !v.isBlank()) {
                    allEmpty = false;
                    break;
                }
            }
            if (allEmpty) {
                empty++;
                return;
            }
            rows++;
            if (r.size() < headerSize) {
                problem(line, "has " + r.size() + " fields, the header has " + headerSize);
                return;
            }
            double[] values = new double[featureIdx.length];
            int present = 0;
            for (int i = 0; i < featureIdx.length; i++) {
                String column = schema.names().get(i);
                try {
                    values[i] = ValueParsers.feature(column, r.get(featureIdx[i]));
                } catch (ValueParsers.BadValueException e) {
                    problem(line, e.getMessage());
                    return;
                }
                if (!Double.isNaN(values[i])) {
                    present++;
                }
            }
            if (present == 0) {
                problem(line, "has no feature value (all of " + schema + " are missing)");
                return;
            }
            String id = idIdx >= 0 ? normaliseId(r.get(idIdx)) : "";
            if (id.isEmpty()) {
                if (idIdx >= 0) {
                    problem(line, "has no track id");
                    return;
                }
                id = "line-" + line;
            }
            Optional<String> label = labelIdx >= 0 && !ValueParsers.isPlaceholder(r.get(labelIdx))
                    ? Optional.of(r.get(labelIdx).trim()) : Optional.empty();
            String playlistId = playlistIdIdx >= 0 ? r.get(playlistIdIdx).trim() : "";
            if (!playlistId.isEmpty()) {
                PlaylistAccumulator acc = playlists.computeIfAbsent(playlistId, k -> new PlaylistAccumulator(
                        playlistNameIdx >= 0 ? r.get(playlistNameIdx).trim() : "", label.orElse("")));
                if (!acc.trackIds.contains(id)) {
                    acc.trackIds.add(id);
                }
                List<String> m = memberships.computeIfAbsent(id, k -> new ArrayList<>());
                if (!m.contains(playlistId)) {
                    m.add(playlistId);
                }
            }
            DatasetTrack existing = tracks.get(id);
            if (existing != null) {
                duplicates++;
                if (label.isPresent() && existing.label().isPresent() && !existing.label().equals(label)) {
                    conflicts++;
                }
                return;
            }
            Track.Builder t = Track.builder(id, nameIdx >= 0 ? r.get(nameIdx).trim() : "")
                    .artists(artistIdx >= 0 ? parseArtists(r.get(artistIdx)) : List.of())
                    .album(albumIdx >= 0 ? r.get(albumIdx).trim() : "")
                    .releaseYear(releaseIdx >= 0 ? ValueParsers.year(r.get(releaseIdx)) : OptionalInt.empty())
                    .genre(label.orElse(null));
            if (popularityIdx >= 0 && !ValueParsers.isPlaceholder(r.get(popularityIdx))) {
                try {
                    t.popularity(ValueParsers.number("popularity", r.get(popularityIdx).trim()));
                } catch (ValueParsers.BadValueException e) {
                    t.popularity(OptionalDouble.empty());
                }
            }
            if (durationIdx >= 0) {
                double d;
                try {
                    d = ValueParsers.feature(AudioFeatures.DURATION_MS, r.get(durationIdx));
                } catch (ValueParsers.BadValueException e) {
                    d = Double.NaN;
                }
                t.durationMs(Double.isNaN(d) ? 0 : (long) d);
            }
            if (explicitIdx >= 0) {
                String e = r.get(explicitIdx).trim();
                t.explicit(e.equalsIgnoreCase("true") || e.equals("1"));
            }
            tracks.put(id, new DatasetTrack(t.build(), new FeatureVector(schema, values), label, List.of(), line));
        }

        TrackDataset build() {
            Map<String, DatasetTrack> out = new LinkedHashMap<>();
            tracks.forEach((id, t) -> out.put(id, memberships.containsKey(id)
                    ? new DatasetTrack(t.track(), t.features(), t.label(), memberships.get(id), t.line()) : t));
            Map<String, DatasetPlaylist> pl = new LinkedHashMap<>();
            playlists.forEach((id, acc) -> pl.put(id, new DatasetPlaylist(id, acc.name, acc.genre, acc.trackIds)));
            return new TrackDataset(file, schema, labelColumn, out, pl, rows, empty, duplicates, conflicts, problems);
        }
    }

    private static final class PlaylistAccumulator {
        final String name;
        final String genre;
        final List<String> trackIds = new ArrayList<>();

        PlaylistAccumulator(String name, String genre) {
            this.name = name;
            this.genre = genre;
        }
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
