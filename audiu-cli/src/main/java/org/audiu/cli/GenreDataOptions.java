package org.audiu.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.DatasetTrack;
import org.audiu.core.dataset.FeatureSelection;
import org.audiu.core.dataset.FeatureSelector;
import org.audiu.core.dataset.GroupColumn;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.eval.EvaluationData;
import org.audiu.core.eval.EvaluationProtocol;
import org.audiu.core.eval.RecordingArtefactCheck;
import org.audiu.core.features.TrackMetadataFeatures;
import picocli.CommandLine.Option;

/**
 * Which CSV to read, which features and label to use, and what to group evaluation splits by. The default features
 * follow {@link FeatureSelector}: the standard audio features when at least {@value FeatureSelector#MIN_STANDARD} are
 * columns, otherwise every usable numeric column (identifiers, the label, constants, unique-per-row numbers and file
 * names left out); plus {@code popularity} and {@code release_year} when the file has them (track attributes every
 * Spotify track has, not leaks; what the year adds: docs/measurements.md). Columns that leak the label
 * ({@code obtained_date}, ids) are never features unless listed. A fall-back column that looks like a recording
 * artefact (a few values cover most rows, e.g. a clip length in samples) and whose values alone predict the label
 * far better than chance on the training rows only is left out with a warning ({@link RecordingArtefactCheck});
 * {@code --keep-features} keeps it.
 */
public final class GenreDataOptions {
    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "CSV of tracks with numeric feature columns and a label column.")
    Path data;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "Label column (default: the first of music_genre, playlist_genre, genre, track_genre, "
                    + "label).")
    String label;

    @Option(names = "--features", paramLabel = "NAMES", split = ",",
            description = "Features: columns of the file or track metadata (popularity, release_year, explicit). "
                    + "Default: the standard audio features when at least " + FeatureSelector.MIN_STANDARD
                    + " are columns, else every numeric column except identifiers, the label and leaks; plus "
                    + "popularity and release_year when the file has them.")
    List<String> features;

    @Option(names = "--exclude-features", paramLabel = "NAMES", split = ",",
            description = "Columns or metadata features never to use, e.g. --exclude-features tempo,popularity.")
    List<String> excluded;

    @Option(names = "--keep-features", paramLabel = "NAMES", split = ",",
            description = "Columns to use as features whatever the default says, e.g. --keep-features length to keep "
                    + "a column left out as a recording artefact.")
    List<String> kept;

    @Option(names = "--group", paramLabel = "COLUMN",
            description = "Keep rows with the same value of this column on one side of every split (default: the "
                    + "artist; a file without one gets a random stratified split).")
    String group;

    @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
            description = "The file's encoding (default ${DEFAULT-VALUE}), e.g. ISO-8859-1 for a Latin-1 file.")
    Charset charset = StandardCharsets.UTF_8;

    @Option(names = "--multi-label", paramLabel = "auto|yes|no", defaultValue = "auto",
            description = "Scoring (evaluate, compare) of a track whose rows carry several labels (the same track id "
                    + "under several genres): 'yes' "
                    + "scores a prediction of any of them as right (one row per track, trained with its first "
                    + "label); 'no' keeps its first label only; 'auto' (default) is 'yes' unless the file's rows "
                    + "are playlist entries (a playlist id column: the label is the playlist's).")
    String multiLabel = "auto";

    @Option(names = "--no-popularity", description = "Leave popularity out of the default features.")
    boolean noPopularity;

    @Option(names = "--no-release-year", description = "Leave release_year out of the default features.")
    boolean noReleaseYear;

    /**
     * A read file with the feature schema to learn from, how it was chosen, the group column if named and whether a
     * track's several labels count.
     */
    record GenreData(TrackDataset dataset, FeatureSchema schema, FeatureSelection selection, GroupColumn groups,
                     EvaluationData.LabelRule labelRule) {
        EvaluationData prepared() {
            return EvaluationData.fromDataset(dataset, schema, groups, labelRule);
        }
    }

    /** The label rule {@code --multi-label} names for this dataset. */
    EvaluationData.LabelRule labelRule(TrackDataset dataset) {
        String v = multiLabel == null ? "auto" : multiLabel.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "auto" -> EvaluationData.defaultRule(dataset);
            case "yes", "true", "on" -> EvaluationData.LabelRule.ALL;
            case "no", "false", "off" -> EvaluationData.LabelRule.FIRST;
            default -> throw new DataException("--multi-label takes auto, yes or no, not '" + multiLabel + "'.");
        };
    }

    /**
     * Reads the file with the chosen features (and the group column, when named) for an evaluation: suspected
     * recording artefacts are judged on the rows that train in every split of the protocol, so no held-out row
     * informs the choice.
     */
    GenreData read(EvaluationProtocol protocol) {
        return read(prepared -> RecordingArtefactCheck.decisionRows(protocol, prepared.data()),
                protocol.seeds().get(0));
    }

    /** Reads the file for training on every row (nothing held out, so every row informs the artefact check). */
    GenreData readForTraining(long seed) {
        return read(prepared -> RecordingArtefactCheck.DecisionRows.all(prepared.data()), seed);
    }

    private GenreData read(Function<EvaluationData, RecordingArtefactCheck.DecisionRows> decisionRows, long seed) {
        requireData();
        FeatureSelection selection = new FeatureSelector(new FeatureSelector.Options(Optional.ofNullable(label),
                features == null ? List.of() : features, excluded == null ? List.of() : excluded,
                kept == null ? List.of() : kept, !noPopularity, !noReleaseYear, charset)).select(data);
        GroupColumn groups = group == null || group.isBlank() ? null
                : CsvDatasetReader.groupColumn(data, group, charset);
        GenreData read = readWith(selection.features());
        if (!selection.suspects().isEmpty()) {
            EvaluationData prepared = EvaluationData.fromDataset(read.dataset(), read.schema(), groups);
            selection = RecordingArtefactCheck.withSeed(seed).apply(selection, prepared.data(),
                    decisionRows.apply(prepared));
        }
        return new GenreData(read.dataset(), new FeatureSchema(selection.features()), selection, groups,
                labelRule(read.dataset()));
    }

    private void requireData() {
        InputFiles.requireFile(data, "--data", "Pass a CSV of tracks with feature columns and a label column, such "
                + "as ../shared/data/music_genre.csv.");
    }

    /**
     * Reads the file for exactly these features (a saved model's).
     *
     * @throws DataException naming features that are neither columns of the file nor track metadata
     */
    GenreData readWith(List<String> wanted) {
        TrackDataset dataset = reader(fileColumns(wanted)).read(data);
        return new GenreData(dataset, new FeatureSchema(wanted),
                new FeatureSelection(wanted, FeatureSelection.Rule.LISTED, List.of(), List.of()), null,
                labelRule(dataset));
    }

    /**
     * Streams the file's rows for exactly these features (a saved model's) to {@code sink}, in file order, keeping
     * none ({@link CsvDatasetReader#stream}).
     *
     * @throws DataException as {@link #readWith}
     */
    CsvDatasetReader.Streamed streamWith(List<String> wanted, java.util.function.Consumer<DatasetTrack> sink) {
        return reader(fileColumns(wanted)).stream(data, sink);
    }

    /** The wanted features that are columns of the file (the rest must be track metadata). */
    private List<String> fileColumns(List<String> wanted) {
        requireData();
        List<String> header = FeatureSelector.header(data, charset);
        List<String> columns = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String f : wanted) {
            if (header.contains(f.toLowerCase(Locale.ROOT))) {
                columns.add(f);
            } else if (!TrackMetadataFeatures.isMetadata(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException("The feature(s) " + missing + " are neither columns of " + data + " nor track "
                    + "metadata (popularity, release_year, explicit, duration_ms). Its columns are " + header + ".");
        }
        if (columns.isEmpty()) {
            throw new DataException("None of the features " + wanted + " is a column of " + data + "; at least one "
                    + "feature must come from the file. Its columns are " + header + ".");
        }
        return columns;
    }

    private CsvDatasetReader reader(List<String> columns) {
        return new CsvDatasetReader(new CsvReadOptions(false, columns, Optional.ofNullable(label), charset));
    }
}
