package org.audiu.core.metrics;

import java.util.Objects;

/**
 * Precision, recall and F1 of one class.
 *
 * @param label     the class
 * @param precision correct predictions of the class / all predictions of it (0 when it was never predicted)
 * @param recall    correct predictions of the class / its true rows (0 when it has none)
 * @param f1        harmonic mean of precision and recall (0 when both are 0)
 * @param support   true rows of the class
 */
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
    public ClassMetrics {
        Objects.requireNonNull(label, "label");
    }
}
