package org.audiu.core.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;

/**
 * A loaded track CSV, or several read as one catalogue ({@link CsvDatasetReader#read(List)}): distinct tracks with
 * features, labels and playlist memberships, plus a report of what was skipped and why. Immutable.
 *
 * @param source            the file (the first one of several)
 * @param schema            the feature columns
 * @param labelColumn       the label column, when the file has one
 * @param tracks            distinct tracks by id, in file order
 * @param playlists         playlists by id, in file order (empty when the file has no playlist column)
 * @param rowsRead          data rows read (excluding the header and empty rows)
 * @param emptyRows         rows with no value at all, skipped
 * @param duplicateRows     rows whose track id was seen before (memberships kept, features of the first row used)
 * @param conflictingLabels duplicate rows whose label differs from the first one's
 * @param problems          bad lines, skipped (each with line number and reason)
 * @param sources           every file read into it, in order ({@code source} first)
 */
public record TrackDataset(Path source, FeatureSchema schema, Optional<String> labelColumn,
                           Map<String, DatasetTrack> tracks, Map<String, DatasetPlaylist> playlists, long rowsRead,
                           long emptyRows, long duplicateRows, long conflictingLabels, List<DatasetProblem> problems,
                           List<Path> sources) {
    public TrackDataset {
        Objects.requireNonNull(source, "source");
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
        if (sources.isEmpty() || !sources.get(0).equals(source)) {
            throw new IllegalArgumentException("A dataset's sources must start with its source " + source + ": "
                    + sources);
        }
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(labelColumn, "labelColumn");
        tracks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tracks));
        playlists = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(playlists));
        problems = List.copyOf(problems);
    }

    /** A dataset read from one file. */
    public TrackDataset(Path source, FeatureSchema schema, Optional<String> labelColumn,
                        Map<String, DatasetTrack> tracks, Map<String, DatasetPlaylist> playlists, long rowsRead,
                        long emptyRows, long duplicateRows, long conflictingLabels, List<DatasetProblem> problems) {
        this(source, schema, labelColumn, tracks, playlists, rowsRead, emptyRows, duplicateRows, conflictingLabels,
                problems, List.of(source));
    }

    /** The file names, joined with " + " when there are several: {@code spotify_songs.csv + spotify_tracks_114k.csv}. */
    public String name() {
        return sources.stream().map(p -> String.valueOf(p.getFileName())).collect(Collectors.joining(" + "));
    }

    public Optional<DatasetTrack> track(String id) {
        return Optional.ofNullable(tracks.get(id));
    }

    /** A one-paragraph summary for logs and the CLI. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(name()).append(": ").append(tracks.size()).append(" distinct tracks from ")
                .append(rowsRead).append(" rows, features ").append(schema);
        if (!playlists.isEmpty()) {
            sb.append(", ").append(playlists.size()).append(" playlists");
        }
        if (emptyRows > 0) {
            sb.append(", ").append(emptyRows).append(" empty rows skipped");
        }
        if (duplicateRows > 0) {
            sb.append(", ").append(duplicateRows).append(" repeated track ids merged");
        }
        if (conflictingLabels > 0) {
            sb.append(" (").append(conflictingLabels).append(" with a different label; first label kept)");
        }
        if (!problems.isEmpty()) {
            sb.append(", ").append(lost()).append(" (first: ").append(problems.get(0)).append(')');
        }
        return sb.toString();
    }

    private String lost() {
        return problems.size() + (problems.size() == 1 ? " row lost to a bad line" : " rows lost to bad lines");
    }

    /**
     * The bad lines for people, in one message: how many rows were lost and kept, and the first {@code shown} lines
     * with their reasons (every one is in {@link #problems()}).
     */
    public String problemReport(int shown) {
        StringBuilder sb = new StringBuilder();
        sb.append(name()).append(": ").append(lost()).append(", ").append(tracks.size())
                .append(" distinct tracks kept");
        if (problems.isEmpty()) {
            return sb.toString();
        }
        int n = Math.min(shown, problems.size());
        sb.append(n < problems.size() ? "; the first " + n + ":" : ":");
        for (int i = 0; i < n; i++) {
            sb.append(System.lineSeparator()).append("  ").append(problems.get(i));
        }
        if (n < problems.size()) {
            sb.append(System.lineSeparator()).append("  ... and ").append(problems.size() - n).append(" more");
        }
        return sb.toString();
    }

    /**
     * One example per distinct track that has a label, grouped by main artist (tracks without an artist form a
     * group of their own).
     *
     * @throws DataException when the file has no label column
     */
    public LabelledData labelledData() {
        if (labelColumn.isEmpty()) {
            throw new DataException(source + " has no label column (looked for music_genre, playlist_genre, genre, "
                    + "track_genre, label). Name the column with --label or 'label-column'.");
        }
        List<LabelledExample> examples = new ArrayList<>();
        for (DatasetTrack t : tracks.values()) {
            if (t.label().isEmpty()) {
                continue;
            }
            String artist = t.track().mainArtist().trim().toLowerCase(java.util.Locale.ROOT);
            String group = artist.isEmpty() ? "track:" + t.track().id() : artist;
            examples.add(new LabelledExample(t.track().id(), t.features().values(), t.label().get(), 1.0, group));
        }
        return new LabelledData(schema, examples);
    }
}
