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
 */
public record EvaluationRun(long seed, int fold, ClassificationReport report, long trainNanos, long predictNanos,
                            int trainRows, int testRows) {
    public EvaluationRun {
        Objects.requireNonNull(report, "report");
    }

    public double trainSeconds() {
        return trainNanos / 1e9;
    }

    /** Test rows predicted per second. */
    public double predictionsPerSecond() {
        return predictNanos <= 0 ? Double.POSITIVE_INFINITY : testRows / (predictNanos / 1e9);
    }
}
