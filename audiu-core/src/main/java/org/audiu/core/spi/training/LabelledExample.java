package org.audiu.core.spi.training;

import java.util.Objects;

/**
 * One training row.
 *
 * @param id       the track id (for de-duplication and reports)
 * @param features values in the data's schema order; NaN marks a missing value
 * @param label    the class ("liked", "Jazz")
 * @param weight   example weight &gt; 0 (preference scores weight liked tracks)
 * @param group    grouping key for honest splits (the main artist); never shared by train and test
 */
public record LabelledExample(String id, double[] features, String label, double weight, String group) {
    public LabelledExample {
        Objects.requireNonNull(id, "id");
        features = Objects.requireNonNull(features, "features").clone();
        Objects.requireNonNull(label, "label");
        group = group == null ? "" : group;
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("Example weight must be a positive finite number, got " + weight
                    + " for " + id);
        }
    }

    /** A copy of the features. */
    @Override
    public double[] features() {
        return features.clone();
    }

    /** One feature value without copying the row. */
    public double feature(int index) {
        return features[index];
    }
}
