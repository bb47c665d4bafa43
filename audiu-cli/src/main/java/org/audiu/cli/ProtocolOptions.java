package org.audiu.cli;

import org.audiu.core.config.ConfigException;
import org.audiu.core.eval.EvaluationProtocol;
import picocli.CommandLine.Option;

/** How to split for evaluation: seeds, holdout share or k folds. */
public final class ProtocolOptions {
    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3",
            description = "Repeat with N seeds (seed, seed+1, ...) and report the mean (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "0",
            description = "Grouped (artist or --group) K-fold cross-validation per seed instead of one holdout split.")
    int folds;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Share of the tracks (whole artists or groups) held out for testing "
                    + "(default ${DEFAULT-VALUE}).")
    double testFraction;

    EvaluationProtocol protocol(long seed) {
        if (seeds < 1) {
            throw new ConfigException("--seeds must be at least 1, got " + seeds);
        }
        if (folds == 1 || folds < 0) {
            throw new ConfigException("--folds must be 0 (one holdout split) or at least 2, got " + folds);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new ConfigException("--test-fraction must be between 0 and 1, got " + testFraction);
        }
        return folds == 0 ? EvaluationProtocol.holdout(seed, seeds, testFraction)
                : EvaluationProtocol.kFold(seed, seeds, folds);
    }
}
