package org.audiu.models.compiled;

import java.util.Objects;
import java.util.stream.IntStream;
import java.util.function.Function;

/**
 * Scores batches of raw rows with a {@link CompiledClassifier}: the model's preprocessing (imputation, transforms,
 * standardisation) of a chunk of rows, the compiled scores of the whole chunk in one call (so a classifier sets up
 * its scratch space once per chunk), then the same conversion to probabilities as the reference paths
 * ({@link #toProbabilities}). Large batches are split into chunks scored on all cores (the common fork-join pool).
 * Immutable and thread-safe.
 */
public final class BatchScorer {
    /** Rows per parallel chunk. */
    static final int CHUNK = 2048;

    private final CompiledClassifier classifier;
    private final Function<double[], double[]> preprocessing;
    private final boolean probabilistic;

    /**
     * @param preprocessing the model's preprocessing of a raw row (imputation, transforms, standardisation)
     * @param width         how many values the preprocessing produces
     * @param probabilistic whether the model's scores are probabilities (normalised) or not (softmax), as the
     *                      Tribuo path reads them
     */
    public BatchScorer(CompiledClassifier classifier, Function<double[], double[]> preprocessing, int width,
                       boolean probabilistic) {
        this.probabilistic = probabilistic;
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        if (width != classifier.featureCount()) {
            throw new IllegalArgumentException("Preprocessing produces " + width + " features, the compiled model "
                    + classifier.featureCount());
        }
    }

    public CompiledClassifier classifier() {
        return classifier;
    }

    /** Class probabilities of each row, in the classifier's label order. */
    public double[][] probabilities(double[][] rows) {
        int k = classifier.labels().size();
        double[][] out = new double[rows.length][k];
        run(rows.length, (from, to) -> scoreRange(rows, from, to, (i, p) -> System.arraycopy(p, 0, out[i], 0, k)));
        return out;
    }

    /** The probability of one label (by index in the classifier's labels) for each row. */
    public double[] probabilityOf(int label, double[][] rows) {
        int k = classifier.labels().size();
        if (label < 0 || label >= k) {
            throw new IllegalArgumentException("label index " + label + " outside 0.." + (k - 1));
        }
        double[] out = new double[rows.length];
        run(rows.length, (from, to) -> scoreRange(rows, from, to, (i, p) -> out[i] = p[label]));
        return out;
    }

    /** Receives the probabilities of row i (the array is reused). */
    @FunctionalInterface
    private interface RowSink {
        void accept(int i, double[] probabilities);
    }

    /** Preprocesses the rows of one chunk, scores them in one call, and converts each row's scores. */
    private void scoreRange(double[][] rows, int from, int to, RowSink sink) {
        int k = classifier.labels().size();
        int n = to - from;
        double[][] prepared = new double[n][];
        for (int r = 0; r < n; r++) {
            prepared[r] = preprocessing.apply(rows[from + r]);
        }
        double[] scores = new double[n * k];
        classifier.scores(prepared, n, scores);
        double[] one = new double[k];
        double[] probabilities = new double[k];
        for (int r = 0; r < n; r++) {
            System.arraycopy(scores, r * k, one, 0, k);
            if (probabilistic) {
                toProbabilities(one, k, probabilities);
            } else {
                softmax(one, k, probabilities);
            }
            sink.accept(from + r, probabilities);
        }
    }

    /** A range of rows, scored by one thread. */
    @FunctionalInterface
    private interface RangeTask {
        void run(int from, int to);
    }

    private static void run(int n, RangeTask task) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        if (chunks <= 1 || Runtime.getRuntime().availableProcessors() == 1) {
            task.run(0, n);
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> task.run(c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
    }

    /**
     * Tribuo output scores to probabilities, as audiU reads every Tribuo prediction: negative or non-finite scores
     * count as 0, the rest is scaled to sum to 1 (left as is when it already does), all-zero becomes uniform.
     */
    public static void softmax(double[] scores, int k, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, scores[j]);
        }
        if (!Double.isFinite(max)) {
            java.util.Arrays.fill(out, 0, k, 1.0 / k);
            return;
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            out[j] = Double.isFinite(scores[j]) ? Math.exp(scores[j] - max) : 0;
            sum += out[j];
        }
        for (int j = 0; j < k; j++) {
            out[j] /= sum;
        }
    }

    /** As {@link #softmax}, for models whose scores are probabilities already: see below. */
    public static void toProbabilities(double[] scores, int k, double[] out) {
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double v = scores[j];
            out[j] = Double.isFinite(v) ? Math.max(0, v) : 0;
            sum += out[j];
        }
        if (sum <= 0) {
            java.util.Arrays.fill(out, 0, k, 1.0 / k);
        } else if (Math.abs(sum - 1) > 1e-9) {
            for (int j = 0; j < k; j++) {
                out[j] /= sum;
            }
        }
    }
}
