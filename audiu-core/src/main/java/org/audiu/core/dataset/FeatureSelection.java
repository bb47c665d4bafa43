package org.audiu.core.dataset;

import java.util.List;
import java.util.Objects;

/**
 * The features chosen for a file, how, and what was left out and why (see {@link FeatureSelector}).
 *
 * @param features the chosen features, in file order (track metadata such as {@code popularity} last)
 * @param rule     how they were chosen
 * @param dropped  columns of the file left out, each with its reason (the label included)
 * @param warnings what a user should know about the choice: a fall-back, columns dropped as leaks
 */
public record FeatureSelection(List<String> features, Rule rule, List<DroppedColumn> dropped,
                               List<String> warnings) {
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

    public FeatureSelection {
        features = List.copyOf(features);
        Objects.requireNonNull(rule, "rule");
        dropped = List.copyOf(dropped);
        warnings = List.copyOf(warnings);
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
