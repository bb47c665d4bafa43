package org.audiu.models.compiled;

import java.util.List;

/**
 * A trained classifier compiled into flat arrays: the same output scores as the model's own path (Tribuo's
 * {@code Prediction.getOutputScores()}, an audiU forest's tree walk, a network's output; to within floating-point
 * rounding), without building examples, sparse vectors or prediction objects. Immutable and thread-safe.
 */
public interface CompiledClassifier {
    /** The labels of {@link #scores}' output, in order. */
    List<String> labels();

    /** How many feature columns a row has. */
    int featureCount();

    /**
     * The output scores of one row (already preprocessed the way the model was trained), in {@link #labels()}
     * order; a label the model does not score gets 0.
     */
    void scores(double[] row, double[] out);

    /**
     * {@link #scores} of {@code count} rows at once into {@code out} ({@code count * labels().size()} values, row
     * by row). Implementations may interleave rows for speed; the results are the same.
     */
    default void scores(double[][] rows, int count, double[] out) {
        int k = labels().size();
        double[] one = new double[k];
        for (int r = 0; r < count; r++) {
            scores(rows[r], one);
            System.arraycopy(one, 0, out, r * k, k);
        }
    }

    /** A one-line description (kind, size) for logs and benchmarks. */
    String describe();
}
