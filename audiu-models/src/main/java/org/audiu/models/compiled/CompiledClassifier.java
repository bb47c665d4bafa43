package org.audiu.models.compiled;

import java.util.List;

/**
 * A trained Tribuo classifier compiled into flat arrays: the same output scores as Tribuo's
 * {@code Prediction.getOutputScores()} (to within floating-point summation order), without building Tribuo
 * examples, sparse vectors or prediction objects. Immutable and thread-safe.
 */
public interface CompiledClassifier {
    /** The labels of {@link #scores}' output, in order. */
    List<String> labels();

    /** How many feature columns a row has. */
    int featureCount();

    /**
     * Tribuo's output scores of one row (already preprocessed the way the model was trained), in {@link #labels()}
     * order; a label Tribuo does not score gets 0.
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
