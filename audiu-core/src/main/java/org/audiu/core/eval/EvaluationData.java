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
 * With {@link LabelRule#ALL} a track whose rows carry several labels (the same track id under different genres) is
 * still one row, trained with its first label and scored against all of them ({@link TrackLabels}); with
 * {@link LabelRule#FIRST} its first label is its only one.
 *
 * @param data                 the rows
 * @param artistNameDuplicates rows dropped because an earlier row had the same artist and track name
 * @param conflictingLabels    of those, how many had a different label from the row kept
 * @param grouping             what the rows' groups are
 * @param truth                each row's true labels (several for a track listed under more than one genre)
 * @param labelRule            whether a track's repeated rows' other labels count ({@link LabelRule#ALL})
 * @param tracksWithSeveral    tracks (rows kept) whose file rows carry more than one label, counted under either rule
 */
public record EvaluationData(LabelledData data, int artistNameDuplicates, int conflictingLabels,
                             SplitGrouping grouping, TrackLabels truth, LabelRule labelRule, int tracksWithSeveral) {
    /** Which of a track's labels count when its rows in the file give it several. */
    public enum LabelRule {
        /** The first row's label is the track's only one (what a file with one label per track gives anyway). */
        FIRST,
        /** Every label of the track's rows counts: a prediction of any of them is right. */
        ALL
    }

    public EvaluationData {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(labelRule, "labelRule");
    }

    /** Single-label rows. */
    public EvaluationData(LabelledData data, int artistNameDuplicates, int conflictingLabels,
                          SplitGrouping grouping) {
        this(data, artistNameDuplicates, conflictingLabels, grouping, TrackLabels.SINGLE, LabelRule.FIRST, 0);
    }

    /**
     * The rule to use when the user names none: {@link LabelRule#ALL} for a file whose label is the track's own
     * (Spotify's 114-genre export lists a track once per genre), {@link LabelRule#FIRST} for a file of playlist
     * entries (the label is the playlist's genre, as in {@code spotify_songs.csv}, whose tracks are scored against
     * their first playlist's genre as before).
     */
    public static LabelRule defaultRule(TrackDataset dataset) {
        return dataset.playlists().isEmpty() ? LabelRule.ALL : LabelRule.FIRST;
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
        return fromDataset(dataset, features, groups, LabelRule.FIRST);
    }

    /**
     * Prepares a dataset's labelled tracks, grouped by a column (or the artist) and with the given label rule.
     *
     * @param groups the group column; null groups by artist (or by nothing when no track has one)
     * @param rule   whether a track's other labels count
     * @throws DataException when the dataset has no label column or no labelled track
     */
    public static EvaluationData fromDataset(TrackDataset dataset, FeatureSchema features, GroupColumn groups,
                                             LabelRule rule) {
        Objects.requireNonNull(rule, "rule");
        if (dataset.labelColumn().isEmpty()) {
            // labelledData() words the error.
            dataset.labelledData();
        }
        Map<String, String> firstLabelByArtistAndName = new HashMap<>();
        List<LabelledExample> examples = new ArrayList<>();
        int duplicates = 0;
        int conflicts = 0;
        boolean anyArtist = false;
        Map<String, List<String>> several = new HashMap<>();
        int withSeveral = 0;
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
            if (!t.otherLabels().isEmpty()) {
                withSeveral++;
                if (rule == LabelRule.ALL) {
                    several.put(t.track().id(), t.labels());
                }
            }
        }
        if (examples.isEmpty()) {
            throw new DataException(dataset.source() + " has no labelled track in column '"
                    + dataset.labelColumn().get() + "'.");
        }
        SplitGrouping grouping = groups != null ? SplitGrouping.column(groups.name())
                : anyArtist ? SplitGrouping.artist() : SplitGrouping.none();
        return new EvaluationData(new LabelledData(features, examples), duplicates, conflicts, grouping,
                new TrackLabels(several), rule, withSeveral);
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
                + conflictingLabels + " with another label)" : "")
                + (tracksWithSeveral == 0 ? "" : labelRule == LabelRule.ALL
                ? "; " + tracksWithSeveral + " tracks have several labels (one row each, trained with the first; "
                + "a prediction of any of them counts as right)"
                : "; " + tracksWithSeveral + " tracks have several labels (scored against the first only)");
    }

    /**
     * How predictions are scored against the labels, for reports: {@code null} when every track has one label (the
     * plain rule needs no note).
     */
    public String labelNote() {
        if (tracksWithSeveral == 0) {
            return null;
        }
        return labelRule == LabelRule.ALL
                ? "multi-label truth: " + tracksWithSeveral + " of " + data.size() + " tracks have several labels; "
                + "a prediction counts as right when it is any of the track's labels (accuracy, top-5); per-class "
                + "metrics and macro-F1 count each track once, as the predicted label when it is one of its labels, "
                + "else as its first"
                : tracksWithSeveral + " of " + data.size() + " tracks have several labels and are scored against the "
                + "first only";
    }
}
