package org.audiu.core.spi.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;

/** Labelled feature rows with their schema. Immutable. */
public record LabelledData(FeatureSchema schema, List<LabelledExample> examples) {
    public LabelledData {
        Objects.requireNonNull(schema, "schema");
        examples = List.copyOf(Objects.requireNonNull(examples, "examples"));
        for (LabelledExample e : examples) {
            if (e.features().length != schema.size()) {
                throw new DataException("Example '" + e.id() + "' has " + e.features().length
                        + " features but the schema " + schema + " has " + schema.size());
            }
        }
    }

    public int size() {
        return examples.size();
    }

    /** Distinct labels, sorted. */
    public List<String> labels() {
        return List.copyOf(new TreeSet<>(examples.stream().map(LabelledExample::label).toList()));
    }

    /** Example count per label, sorted by label. */
    public Map<String, Integer> labelCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String label : labels()) {
            counts.put(label, 0);
        }
        examples.forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        return counts;
    }

    /** The feature rows (copies). */
    public double[][] featureMatrix() {
        double[][] rows = new double[examples.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = examples.get(i).features();
        }
        return rows;
    }

    /** A subset by indices. */
    public LabelledData subset(int[] indices) {
        List<LabelledExample> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(examples.get(i));
        }
        return new LabelledData(schema, out);
    }

    /**
     * Fails with a clear message when training is impossible: no rows, a single label, or a feature that is missing
     * in every row.
     */
    public void requireTrainable(String what) {
        if (examples.isEmpty()) {
            throw new DataException("No training examples for " + what + ".");
        }
        if (labels().size() < 2) {
            throw new DataException("Training data for " + what + " has only the label " + labels()
                    + "; a classifier needs at least two labels.");
        }
    }
}
