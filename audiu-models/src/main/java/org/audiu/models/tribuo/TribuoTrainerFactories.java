package org.audiu.models.tribuo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.Trainer;
import org.audiu.core.spi.TrainerFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/** Factories of the Tribuo trainers, registered in META-INF/services. */
public final class TribuoTrainerFactories {
    private TribuoTrainerFactories() {
    }

    /**
     * {@code model = logistic}: multinomial logistic regression by SGD (AdaGrad). Parameters: {@code epochs} (30),
     * {@code learning-rate} (0.1), {@code minibatch} (1), {@code standardise} (true).
     */
    public static final class Logistic implements TrainerFactory {
        @Override public String name() { return "logistic"; }
        @Override public String description() { return "logistic regression (Tribuo linear SGD)"; }

        @Override
        public Trainer create(ComponentConfig c) {
            int epochs = c.getInt("epochs", 30, 1, 100_000);
            double rate = c.getDouble("learning-rate", 0.1, 1e-9, 100);
            int minibatch = c.getInt("minibatch", 1, 1, 1_000_000);
            boolean standardise = c.getBoolean("standardise", true);
            long seed = c.seed();
            Map<String, String> p = new LinkedHashMap<>();
            p.put("epochs", Integer.toString(epochs));
            p.put("learning-rate", Double.toString(rate));
            p.put("minibatch", Integer.toString(minibatch));
            p.put("standardise", Boolean.toString(standardise));
            return new TribuoClassifierTrainer(name(), () -> new LinearSGDTrainer(new LogMulticlass(),
                    new AdaGrad(rate, 0.1), epochs, Math.max(1, epochs), minibatch, seed), p, seed, standardise);
        }
    }

    /**
     * {@code model = random-forest}: bagged CART trees with random feature subsets. Parameters: {@code trees} (100),
     * {@code max-depth} (12), {@code feature-fraction} (0.5).
     */
    public static final class RandomForest implements TrainerFactory {
        @Override public String name() { return "random-forest"; }
        @Override public String description() { return "random forest of CART trees (Tribuo)"; }

        @Override
        public Trainer create(ComponentConfig c) {
            int trees = c.getInt("trees", 100, 1, 100_000);
            int depth = c.getInt("max-depth", 12, 1, 1000);
            double fraction = c.getDouble("feature-fraction", 0.5, 0.01, 1.0);
            long seed = c.seed();
            Map<String, String> p = new LinkedHashMap<>();
            p.put("trees", Integer.toString(trees));
            p.put("max-depth", Integer.toString(depth));
            p.put("feature-fraction", Double.toString(fraction));
            return new TribuoClassifierTrainer(name(), () -> new RandomForestTrainer<>(
                    new CARTClassificationTrainer(depth, (float) fraction, seed), new VotingCombiner(), trees, seed),
                    p, seed, false);
        }
    }
}
