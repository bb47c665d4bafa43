package org.audiu.core.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.dataset.DatasetTrack;
import org.audiu.core.dataset.GroupColumn;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.features.TrackMetadataFeatures;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;

/**
 * Labelled rows prepared so that an evaluation cannot fool itself: one row per track id (the dataset already merges
 * repeated ids), one row per artist + track name (the first one in the file; repeats, often with another label, are
 * dropped), and each row grouped by its main artist so grouped splits never put an artist on both sides. Tracks
 * without an artist are grouped by their name, so an unattributed song cannot sit on both sides either. A file
 * without any artist gets a random stratified split ({@link SplitGrouping#none()}) unless a group column is named.
 *
 * @param data                 the rows
 * @param artistNameDuplicates rows dropped because an earlier row had the same artist and track name
 * @param conflictingLabels    of those, how many had a different label from the row kept
 * @param grouping             what the rows' groups are
 */
public record EvaluationData(LabelledData data, int artistNameDuplicates, int conflictingLabels,
                             SplitGrouping grouping) {
    public EvaluationData {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(grouping, "grouping");
    }

    /**
     * Prepares a dataset's labelled tracks.
     *
     * @throws DataException when the dataset has no label column or no labelled track
     */
    public static EvaluationData fromDataset(TrackDataset dataset) {
        return fromDataset(dataset, dataset.schema());
    }

    /**
     * Prepares a dataset's labelled tracks with the given features: a dataset column of that name, else the
     * track's metadata ({@code popularity}, {@code release_year}, {@code duration_ms}, {@code explicit}; see
     * {@link TrackMetadataFeatures}), else missing (NaN).
     *
     * @throws DataException when the dataset has no label column or no labelled track
     */
    public static EvaluationData fromDataset(TrackDataset dataset, FeatureSchema features) {
        return fromDataset(dataset, features, null);
    }

    /**
     * Prepares a dataset's labelled tracks grouped by a column's value instead of the artist (rows without a value
     * form a group of their own).
     *
     * @param groups the group column; null groups by artist (or by nothing when no track has one)
     * @throws DataException when the dataset has no label column or no labelled track
     */
    public static EvaluationData fromDataset(TrackDataset dataset, FeatureSchema features, GroupColumn groups) {
        if (dataset.labelColumn().isEmpty()) {
            // labelledData() words the error.
            dataset.labelledData();
        }
        Map<String, String> firstLabelByArtistAndName = new HashMap<>();
        List<LabelledExample> examples = new ArrayList<>();
        int duplicates = 0;
        int conflicts = 0;
        boolean anyArtist = false;
        for (DatasetTrack t : dataset.tracks().values()) {
            if (t.label().isEmpty()) {
                continue;
            }
            String artist = normalise(t.track().mainArtist());
            String name = normalise(t.track().name());
            String label = t.label().get();
            if (!artist.isEmpty() && !name.isEmpty()) {
                String previous = firstLabelByArtistAndName.putIfAbsent(artist + '\u0000' + name, label);
                if (previous != null) {
                    duplicates++;
                    if (!previous.equals(label)) {
                        conflicts++;
                    }
                    continue;
                }
            }
            String group = groups != null ? groups.groupOf(t).map(g -> "group:" + g).orElse("id:" + t.track().id())
                    : !artist.isEmpty() ? artist : !name.isEmpty() ? "name:" + name : "id:" + t.track().id();
            anyArtist |= !artist.isEmpty();
            examples.add(new LabelledExample(t.track().id(), row(t, features), label, 1.0, group));
        }
        if (examples.isEmpty()) {
            throw new DataException(dataset.source() + " has no labelled track in column '"
                    + dataset.labelColumn().get() + "'.");
        }
        SplitGrouping grouping = groups != null ? SplitGrouping.column(groups.name())
                : anyArtist ? SplitGrouping.artist() : SplitGrouping.none();
        return new EvaluationData(new LabelledData(features, examples), duplicates, conflicts, grouping);
    }

    /** One track's values for {@code features}: dataset columns first, then track metadata, else NaN. */
    public static double[] row(DatasetTrack t, FeatureSchema features) {
        if (features.equals(t.features().schema())) {
            return t.features().values();
        }
        double[] out = new double[features.size()];
        for (int j = 0; j < out.length; j++) {
            String name = features.names().get(j);
            out[j] = t.features().schema().contains(name) ? t.features().get(name)
                    : TrackMetadataFeatures.valueOf(t.track(), name);
        }
        return out;
    }

    static String normalise(String s) {
        return s == null ? "" : s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** One line for logs and the CLI. */
    public String summary() {
        long groups = data.examples().stream().map(LabelledExample::group).distinct().count();
        String grouped = switch (grouping.kind()) {
            case ARTIST -> groups + " artist groups";
            case COLUMN -> groups + " groups by " + grouping.column();
            case NONE -> "no artist column";
        };
        return data.size() + " labelled tracks, " + data.labels().size() + " classes, " + grouped
                + (artistNameDuplicates > 0 ? "; " + artistNameDuplicates + " repeated artist+name rows dropped ("
                + conflictingLabels + " with another label)" : "");
    }
}
