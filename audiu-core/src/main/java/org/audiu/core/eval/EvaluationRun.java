package org.audiu.core.eval;

import java.util.Objects;
import org.audiu.core.metrics.ClassificationReport;

/**
 * One trained-and-tested split.
 *
 * @param seed         the seed of the split and the trainer
 * @param fold         the fold (0 for a holdout)
 * @param report       the test metrics
 * @param trainNanos   wall-clock training time, including the model's one-off preparation for scoring (its first
 *                     prediction, which compiles trees or layers)
 * @param predictNanos wall-clock time to predict the test rows
 * @param trainRows    training rows
 * @param testRows     test rows
 * @param top5Accuracy share of test rows with one of their true labels among the five most probable (NaN when not
 *                     measured)
 */
public record EvaluationRun(long seed, int fold, ClassificationReport report, long trainNanos, long predictNanos,
                            int trainRows, int testRows, double top5Accuracy) {
    public EvaluationRun {
        Objects.requireNonNull(report, "report");
    }

    /** A run without a top-5 figure. */
    public EvaluationRun(long seed, int fold, ClassificationReport report, long trainNanos, long predictNanos,
                         int trainRows, int testRows) {
        this(seed, fold, report, trainNanos, predictNanos, trainRows, testRows, Double.NaN);
    }

    public double trainSeconds() {
        return trainNanos / 1e9;
    }

    /** Test rows predicted per second. */
    public double predictionsPerSecond() {
        return predictNanos <= 0 ? Double.POSITIVE_INFINITY : testRows / (predictNanos / 1e9);
    }
}
