package org.audiu.models.trees;

import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.models.prep.PreprocessingOptions;

/**
 * {@code model = random-forest} and {@code model = extra-trees}: tree ensembles grown in parallel on all cores by
 * audiU's own CART implementation (training time against Tribuo's trees and scikit-learn: docs/measurements.md).
 * Parameters: {@code trees}, {@code max-depth} (0 = unlimited), {@code min-samples-split}
 * (2), {@code min-samples-leaf} (1), {@code max-features} ({@code sqrt}, {@code log2}, {@code all} or a fraction),
 * {@code bootstrap}, {@code threads} (all cores), and the preprocessing keys of {@link PreprocessingOptions}.
 */
public final class ForestTrainerFactories {
    private ForestTrainerFactories() {
    }

    /** Bootstrap samples, best thresholds on a random subset of features. Defaults: 300 trees, sqrt features. */
    public static final class RandomForest implements TrainerFactory {
        @Override public String name() { return "random-forest"; }
        @Override public String description() { return "random forest, trees grown in parallel (audiU CART)"; }

        @Override
        public Trainer create(ComponentConfig c) {
            return forest(name(), c, 300, true, ForestTrainer.SplitRuleName.BEST, 1);
        }
    }

    /**
     * All rows, random thresholds on a random subset of features. Defaults: 100 trees (scikit-learn's default), sqrt
     * features. Fully grown extra trees are about three times the size of the random forest's, so more of them
     * cost training and scoring time for little accuracy (the measurements: docs/measurements.md).
     */
    public static final class ExtraTrees implements TrainerFactory {
        @Override public String name() { return "extra-trees"; }
        @Override public String description() { return "extremely randomised trees, grown in parallel (audiU)"; }

        @Override
        public Trainer create(ComponentConfig c) {
            return forest(name(), c, 100, false, ForestTrainer.SplitRuleName.RANDOM, 1);
        }
    }

    static Trainer forest(String name, ComponentConfig c, int defaultTrees, boolean defaultBootstrap,
                          ForestTrainer.SplitRuleName rule, int defaultMinLeaf) {
        int trees = c.getInt("trees", defaultTrees, 1, 100_000);
        int depth = c.getInt("max-depth", 0, 0, 10_000);
        int minSplit = c.getInt("min-samples-split", 2, 2, 1_000_000);
        int minLeaf = c.getInt("min-samples-leaf", defaultMinLeaf, 1, 1_000_000);
        String maxFeatures = c.getString("max-features", "sqrt").toLowerCase(java.util.Locale.ROOT);
        if (!maxFeatures.matches("sqrt|log2|all")) {
            double f;
            try {
                f = Double.parseDouble(maxFeatures);
            } catch (NumberFormatException e) {
                f = Double.NaN;
            }
            if (!(f > 0 && f <= 1)) {
                throw new ConfigException("Invalid value '" + maxFeatures + "' for '" + c.qualified("max-features")
                        + "' (trainer '" + name + "'): expected sqrt, log2, all or a fraction in (0, 1].");
            }
        }
        boolean bootstrap = c.getBoolean("bootstrap", defaultBootstrap);
        int threads = c.getInt("threads", Runtime.getRuntime().availableProcessors(), 1, 4096);
        PreprocessingOptions prep = PreprocessingOptions.from(c, PreprocessingOptions.forTrees());
        return new ForestTrainer(new ForestTrainer.Settings(name, trees, depth, minSplit, minLeaf, maxFeatures,
                bootstrap, rule, threads, prep, c.effectiveParameters(), c.seed()));
    }
}
