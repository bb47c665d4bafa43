package org.audiu.core.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.audiu.core.DataException;

/**
 * The features chosen for a file, how, and what was left out and why (see {@link FeatureSelector}).
 *
 * @param features the chosen features, in file order (track metadata such as {@code popularity} last)
 * @param rule     how they were chosen
 * @param dropped  columns of the file left out, each with its reason (the label included)
 * @param warnings what a user should know about the choice: a fall-back, columns dropped as leaks
 * @param suspects chosen features that look like recording artefacts (a few values cover most rows) and await the
 *                 check of whether those values alone predict the label on the training rows
 *                 ({@code org.audiu.core.eval.RecordingArtefactCheck}); empty once checked
 */
public record FeatureSelection(List<String> features, Rule rule, List<DroppedColumn> dropped,
                               List<String> warnings, List<ArtefactSuspect> suspects) {
    /** How the features were chosen. */
    public enum Rule {
        /** Named by the user. */
        LISTED,
        /** The standard audio features present (most of them are). */
        STANDARD,
        /** Every usable numeric column (too few standard audio features). */
        ALL_NUMERIC
    }

    /**
     * A column of the file that is not a feature.
     *
     * @param column the column name (lower-case)
     * @param reason why, e.g. "constant: every row is 0"
     */
    public record DroppedColumn(String column, String reason) {
        public DroppedColumn {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A chosen feature whose sampled rows hold only a few distinct values (see
     * {@link FeatureSelector#ARTEFACT_MAX_VALUES}), so it may describe how the file was made rather than the sound.
     *
     * @param column  the column name (lower-case), one of the features
     * @param summary what the sample held, e.g. "2 distinct values (661794, 661504) in the 400 sampled rows"
     */
    public record ArtefactSuspect(String column, String summary) {
        public ArtefactSuspect {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(summary, "summary");
        }
    }

    public FeatureSelection {
        features = List.copyOf(features);
        Objects.requireNonNull(rule, "rule");
        dropped = List.copyOf(dropped);
        warnings = List.copyOf(warnings);
        suspects = List.copyOf(suspects);
        for (ArtefactSuspect s : suspects) {
            if (!features.contains(s.column())) {
                throw new IllegalArgumentException("suspect " + s.column() + " is not one of the features "
                        + features);
            }
        }
    }

    /** A selection without suspects. */
    public FeatureSelection(List<String> features, Rule rule, List<DroppedColumn> dropped, List<String> warnings) {
        this(features, rule, dropped, warnings, List.of());
    }

    /**
     * The selection once its suspects are checked: the confirmed artefacts leave the features and join the dropped
     * columns, each with its reason and a warning line; the others stay features.
     *
     * @param artefacts reason by column, for the suspects found to be artefacts
     * @throws IllegalArgumentException naming a column that is not a suspect
     */
    public FeatureSelection checked(Map<String, String> artefacts) {
        List<String> suspected = suspects.stream().map(ArtefactSuspect::column).toList();
        for (String c : artefacts.keySet()) {
            if (!suspected.contains(c)) {
                throw new IllegalArgumentException(c + " is not a suspected artefact of " + suspected);
            }
        }
        List<String> kept = features.stream().filter(f -> !artefacts.containsKey(f)).toList();
        List<DroppedColumn> allDropped = new ArrayList<>(dropped);
        List<String> allWarnings = new ArrayList<>(warnings);
        artefacts.forEach((column, reason) -> {
            allDropped.add(new DroppedColumn(column, reason));
            allWarnings.add("dropped " + column + ": " + reason);
        });
        if (kept.isEmpty()) {
            throw new DataException("Every feature " + features + " looks like a recording artefact ("
                    + artefacts + "). Name the features to use with --features or --keep-features.");
        }
        return new FeatureSelection(kept, rule, allDropped, allWarnings, List.of());
    }

    /** E.g. {@code "features (57): chroma_stft_mean, chroma_stft_var, ... (+52 more)"}, at most {@code shown}. */
    public String describe(int shown) {
        StringBuilder sb = new StringBuilder("features (").append(features.size()).append("): ");
        sb.append(String.join(", ", features.subList(0, Math.min(shown, features.size()))));
        if (features.size() > shown) {
            sb.append(", ... (+").append(features.size() - shown).append(" more)");
        }
        return sb.toString();
    }
}
