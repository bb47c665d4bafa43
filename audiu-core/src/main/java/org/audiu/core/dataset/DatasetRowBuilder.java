package org.audiu.core.dataset;

import static org.audiu.core.dataset.CsvDatasetReader.ALBUM_COLUMNS;
import static org.audiu.core.dataset.CsvDatasetReader.ARTIST_COLUMNS;
import static org.audiu.core.dataset.CsvDatasetReader.ID_COLUMNS;
import static org.audiu.core.dataset.CsvDatasetReader.NAME_COLUMNS;
import static org.audiu.core.dataset.CsvDatasetReader.PLAYLIST_ID_COLUMNS;
import static org.audiu.core.dataset.CsvDatasetReader.PLAYLIST_NAME_COLUMNS;
import static org.audiu.core.dataset.CsvDatasetReader.POPULARITY_COLUMNS;
import static org.audiu.core.dataset.CsvDatasetReader.RELEASE_COLUMNS;
import static org.audiu.core.dataset.CsvDatasetReader.normaliseId;
import static org.audiu.core.dataset.CsvDatasetReader.parseArtists;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVRecord;
import org.audiu.core.AudioFeatures;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.features.TrackMetadataFeatures;

/** Accumulates a CSV file's rows into a {@link TrackDataset} for {@link CsvDatasetReader}. */
final class DatasetRowBuilder {
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
    /** A repeated track's labels other than its first, when its rows disagree. */
    private final Map<String, List<String>> otherLabels = new LinkedHashMap<>();
    private final Map<String, PlaylistAccumulator> playlists = new LinkedHashMap<>();
    private final List<DatasetProblem> problems = new ArrayList<>();
    private long rows;
    private long empty;
    private long duplicates;
    private long conflicts;
    /** Where each row goes when streaming (nothing is kept); null to build a dataset. */
    private final Consumer<DatasetTrack> sink;

    DatasetRowBuilder(Path file, FeatureSchema schema, Optional<String> labelColumn, DatasetColumns c, boolean strict) {
        this(file, schema, labelColumn, c, strict, null);
    }

    /**
     * @param sink when not null, every usable row goes to it as a track at once and nothing is kept: no merging of
     *             repeated ids, no playlists (the rows of a file too large to hold)
     */
    DatasetRowBuilder(Path file, FeatureSchema schema, Optional<String> labelColumn, DatasetColumns c, boolean strict,
                      Consumer<DatasetTrack> sink) {
        this.sink = sink;
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

    /** One record; {@code line} is the parser's line number right after reading it (the row's last line). */
    void accept(CSVRecord r, long line) {
        boolean allEmpty = true;
        // By index: CSVRecord's iterator copies the row into a new list through a stream, on every row.
        for (int i = 0; i < r.size(); i++) {
            String v = r.get(i);
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
        String playlistId = sink == null && playlistIdIdx >= 0 ? r.get(playlistIdIdx).trim() : "";
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
        DatasetTrack existing = sink == null ? tracks.get(id) : null;
        if (existing != null) {
            duplicates++;
            if (label.isPresent() && existing.label().isPresent() && !existing.label().equals(label)) {
                conflicts++;
                List<String> others = otherLabels.computeIfAbsent(id, k -> new ArrayList<>(2));
                if (!others.contains(label.get())) {
                    others.add(label.get());
                }
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
        DatasetTrack track = new DatasetTrack(t.build(), new FeatureVector(schema, values), label, List.of(), line);
        if (sink != null) {
            sink.accept(track);
        } else {
            tracks.put(id, track);
        }
    }

    /** Rows read (not counting empty lines), empty lines and the problems, after streaming. */
    CsvDatasetReader.Streamed streamed() {
        List<DatasetProblem> byLine = new ArrayList<>(problems);
        byLine.sort(java.util.Comparator.comparingLong(DatasetProblem::line));
        return new CsvDatasetReader.Streamed(file, schema, labelColumn, rows, empty, byLine);
    }

    TrackDataset build() {
        Map<String, DatasetTrack> out = new LinkedHashMap<>();
        tracks.forEach((id, t) -> out.put(id, memberships.containsKey(id) || otherLabels.containsKey(id)
                ? new DatasetTrack(t.track(), t.features(), t.label(), otherLabels.getOrDefault(id, List.of()),
                memberships.getOrDefault(id, List.of()), t.line()) : t));
        Map<String, DatasetPlaylist> pl = new LinkedHashMap<>();
        playlists.forEach((id, acc) -> pl.put(id, new DatasetPlaylist(id, acc.name, acc.genre, acc.trackIds)));
        List<DatasetProblem> byLine = new ArrayList<>(problems);
        byLine.sort(java.util.Comparator.comparingLong(DatasetProblem::line)); // the sampled rows' come late
        return new TrackDataset(file, schema, labelColumn, out, pl, rows, empty, duplicates, conflicts, byLine);
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
}
