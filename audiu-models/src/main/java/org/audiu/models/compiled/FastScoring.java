package org.audiu.models.compiled;

import java.util.Optional;

/**
 * A model that scores through a compiled fast path and keeps its original, unoptimised path as the reference that
 * the fast path must reproduce (to 1e-6): for tests that prove it, and for benchmarks that measure both.
 */
public interface FastScoring {
    /** Class probabilities through the unoptimised path, in the model's label order. */
    double[][] predictReference(double[][] rows);

    /** What the reference path is, in a few words (for benchmark reports). */
    String referencePath();

    /** The compiled form the model scores with, or empty when it scores through the reference path itself. */
    Optional<CompiledClassifier> compiled();
}
