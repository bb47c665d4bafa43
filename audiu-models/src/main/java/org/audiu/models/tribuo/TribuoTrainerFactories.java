package org.audiu.models.tribuo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.models.prep.PreprocessingOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Factories of the Tribuo trainers, registered in META-INF/services. Every trainer also reads the preprocessing keys
 * of {@link PreprocessingOptions}.
 */
public final class TribuoTrainerFactories {
    private static final Logger LOG = LoggerFactory.getLogger(TribuoTrainerFactories.class);
    /** The linear SGD trainers' minibatch when every row weighs the same. */
    static final int AUTO_MINIBATCH = 8;

    private TribuoTrainerFactories() {
    }

    /**
     * {@code model = logistic}: multinomial logistic regression by SGD with AdaGrad. Parameters: {@code epochs} (15),
     * {@code learning-rate} (0.1), {@code minibatch} (auto: 1 when the rows' weights vary, as the preference task's
     * do, since Tribuo's SGD gives a minibatch its rows' mean weight; else {@value #AUTO_MINIBATCH}); preprocessing
     * defaults: log of skewed features, one-hot key, standardise.
     */
    public static final class Logistic implements TrainerFactory {
        @Override public String name() { return "logistic"; }
        @Override public String description() { return "multinomial logistic regression (Tribuo linear SGD)"; }

        @Override
        public Trainer create(ComponentConfig c) {
            return linear(name(), c, new LogMulticlass());
        }
    }

    /**
     * {@code model = linear}: a linear support vector machine (hinge loss, one score per class) by SGD with AdaGrad;
     * class probabilities are a softmax of the scores, since the engine ranks by probability. (Least-squares
     * regression would need a separate, non-probabilistic model path for no gain in ranking.) Parameters as
     * {@code logistic}.
     */
    public static final class Linear implements TrainerFactory {
        @Override public String name() { return "linear"; }
        @Override public String description() { return "linear SVM, hinge loss (Tribuo linear SGD)"; }

        @Override
        public Trainer create(ComponentConfig c) {
            return linear(name(), c, new Hinge());
        }
    }

    private static Trainer linear(String name, ComponentConfig c, LabelObjective objective) {
        int epochs = c.getInt("epochs", 15, 1, 100_000);
        double rate = c.getDouble("learning-rate", 0.1, 1e-9, 100);
        boolean auto = c.getString("minibatch", "auto").equalsIgnoreCase("auto");
        int configured = auto ? 0 : c.getInt("minibatch", 8, 1, 1_000_000);
        PreprocessingOptions prep = PreprocessingOptions.from(c, PreprocessingOptions.forLinear());
        long seed = c.seed();
        Map<String, String> p = c.effectiveParameters();
        return new TribuoClassifierTrainer(name, data -> {
            boolean vary = weightsVary(data);
            int minibatch = auto ? (vary ? 1 : AUTO_MINIBATCH) : configured;
            if (minibatch > 1 && vary) {
                LOG.info("{}: Tribuo's SGD gives each minibatch of {} rows its rows' mean weight, so single rows' "
                        + "weights are blurred; minibatch = 1 honours them", name, minibatch);
            }
            LOG.debug("{}: minibatch {}", name, minibatch);
            return new LinearSGDTrainer(objective, new AdaGrad(rate, 0.1), epochs, Math.max(1, epochs), minibatch,
                    seed);
        }, p, seed, prep, false);
    }

    private static boolean weightsVary(LabelledData data) {
        double first = data.examples().get(0).weight();
        return data.examples().stream().anyMatch(e -> Math.abs(e.weight() - first) > 1e-9 * Math.abs(first));
    }

    /**
     * {@code model = logistic-liblinear}: L2-regularised logistic regression solved to convergence by LIBLINEAR's
     * trust-region Newton method (through Tribuo), one model per class against the rest, probabilities normalised
     * to sum to one. Unlike the SGD {@code logistic}, its answer does not depend on epochs, learning rate or row
     * order, which suits a stacking meta model. Parameters: {@code cost} (1: the inverse regularisation strength,
     * as scikit-learn's {@code C}), {@code max-iterations} (1000), {@code tolerance} (0.01, LIBLINEAR's stopping
     * criterion); preprocessing defaults as {@code logistic}. LIBLINEAR weighs classes, not rows: each class gets
     * its rows' mean weight (exact for class weights; rows whose weights vary within a class are logged).
     */
    public static final class LibLinearLogistic implements TrainerFactory {
        @Override public String name() { return "logistic-liblinear"; }
        @Override
        public String description() {
            return "L2-regularised logistic regression, solved to convergence (LIBLINEAR via Tribuo)";
        }

        @Override
        public Trainer create(ComponentConfig c) {
            double cost = c.getDouble("cost", 1.0, 1e-9, 1e9);
            int iterations = c.getInt("max-iterations", 1000, 1, 10_000_000);
            double tolerance = c.getDouble("tolerance", 0.01, 1e-12, 1.0);
            PreprocessingOptions prep = PreprocessingOptions.from(c, PreprocessingOptions.forLinear());
            long seed = c.seed();
            Map<String, String> p = c.effectiveParameters();
            return new TribuoClassifierTrainer(name(), data -> {
                LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
                        new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost, iterations,
                        tolerance, seed);
                trainer.setLabelWeights(classWeights(data));
                return trainer;
            }, p, seed, prep, false);
        }

        /** Each class's mean row weight, as LIBLINEAR's per-class cost factors. */
        static Map<Label, Float> classWeights(LabelledData data) {
            Map<String, double[]> stats = new LinkedHashMap<>(); // sum, count, min, max
            for (LabelledExample e : data.examples()) {
                double[] s = stats.computeIfAbsent(e.label(), l -> new double[] {0, 0, Double.MAX_VALUE, 0});
                s[0] += e.weight();
                s[1]++;
                s[2] = Math.min(s[2], e.weight());
                s[3] = Math.max(s[3], e.weight());
            }
            Map<Label, Float> weights = new LinkedHashMap<>();
            stats.forEach((label, s) -> {
                if (s[3] - s[2] > 1e-9 * s[3]) {
                    LOG.info("logistic-liblinear weighs classes, not rows: the rows of class '{}' weigh {} to {}; "
                            + "each counts as their mean, {}", label, s[2], s[3], s[0] / s[1]);
                }
                weights.put(new Label(label), (float) (s[0] / s[1]));
            });
            return weights;
        }
    }

    /**
     * {@code model = cart}: one CART decision tree (Gini impurity). Parameters: {@code max-depth} (10),
     * {@code min-child-weight} (5), {@code feature-fraction} (1.0: all features at every split).
     */
    public static final class Cart implements TrainerFactory {
        @Override public String name() { return "cart"; }
        @Override public String description() { return "a single CART decision tree (Tribuo)"; }

        @Override
        public Trainer create(ComponentConfig c) {
            int depth = c.getInt("max-depth", 10, 1, 1000);
            double minChild = c.getDouble("min-child-weight", 5, 0, 1e9);
            double fraction = c.getDouble("feature-fraction", 1.0, 0.01, 1.0);
            PreprocessingOptions prep = PreprocessingOptions.from(c, PreprocessingOptions.forTrees());
            long seed = c.seed();
            Map<String, String> p = c.effectiveParameters();
            return new TribuoClassifierTrainer(name(), data -> new CARTClassificationTrainer(depth, (float) minChild,
                    0.0f, (float) fraction, false, new GiniIndex(), seed), p, seed, prep, false);
        }
    }

    /**
     * {@code model = xgboost}: gradient-boosted trees (XGBoost through Tribuo) with the histogram tree method and an
     * explicit thread count. Parameters: {@code trees} (800), {@code learning-rate} (0.04), {@code max-depth} (5),
     * {@code min-child-weight} (1), {@code subsample} (0.8), {@code feature-fraction} (0.7), {@code lambda} (1),
     * {@code alpha} (0), {@code gamma} (0), {@code max-bin} (256), {@code threads} (0, automatic: all cores from
     * {@value #PARALLEL_ROWS} training rows, 1 below: on small data OpenMP's start-up and spin-waiting cost more
     * than the parallel work, and on a busy machine many times more), {@code early-stopping-rounds} (50; 0 trains
     * exactly {@code trees} rounds) and {@code validation-fraction} (0.1): with early stopping, {@code trees} is the
     * most rounds, and the model keeps as many as did best on an artist-grouped validation share of the rows
     * ({@link XGBoostEarlyStopping}), retrained on every row.
     */
    public static final class XGBoost implements TrainerFactory {
        static final int PARALLEL_ROWS = 20_000;

        @Override public String name() { return "xgboost"; }
        @Override
        public String description() {
            return "gradient-boosted trees, histogram method (XGBoost via Tribuo)";
        }

        @Override
        public Trainer create(ComponentConfig c) {
            int trees = c.getInt("trees", 800, 1, 100_000);
            double eta = c.getDouble("learning-rate", 0.04, 1e-6, 1.0);
            int depth = c.getInt("max-depth", 5, 1, 64);
            double minChild = c.getDouble("min-child-weight", 1, 0, 1e9);
            double subsample = c.getDouble("subsample", 0.8, 0.01, 1.0);
            double colsample = c.getDouble("feature-fraction", 0.7, 0.01, 1.0);
            double lambda = c.getDouble("lambda", 1.0, 0, 1e9);
            double alpha = c.getDouble("alpha", 0.0, 0, 1e9);
            double gamma = c.getDouble("gamma", 0.0, 0, 1e9);
            int maxBin = c.getInt("max-bin", 256, 2, 65_536);
            int threads = c.getInt("threads", 0, 0, 4096);
            int patience = c.getInt("early-stopping-rounds", 50, 0, 100_000);
            double validation = c.getDouble("validation-fraction", 0.1, 0.01, 0.5);
            PreprocessingOptions prep = PreprocessingOptions.from(c, PreprocessingOptions.forTrees());
            long seed = c.seed();
            Map<String, String> p = c.effectiveParameters();
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("objective", "multi:softprob");
            params.put("booster", "gbtree");
            params.put("tree_method", "hist");
            params.put("eta", eta);
            params.put("max_depth", depth);
            params.put("min_child_weight", minChild);
            params.put("subsample", subsample);
            params.put("colsample_bytree", colsample);
            params.put("lambda", lambda);
            params.put("alpha", alpha);
            params.put("gamma", gamma);
            params.put("max_bin", maxBin);
            params.put("seed", (int) (seed ^ (seed >>> 32)));
            params.put("verbosity", 0);
            XGBoostEarlyStopping.RoundsTrainer rounds = (n, data, dataset) -> {
                Map<String, Object> withThreads = new LinkedHashMap<>(params);
                withThreads.put("nthread", threads > 0 ? threads
                        : data.size() < PARALLEL_ROWS ? 1 : Runtime.getRuntime().availableProcessors());
                return new XGBoostClassificationTrainer(n, withThreads).train(dataset);
            };
            XGBoostEarlyStopping stopping = new XGBoostEarlyStopping(trees, patience, validation, seed);
            return new TribuoClassifierTrainer(name(), (data, dataset) -> patience > 0
                    && XGBoostEarlyStopping.splittable(data) ? stopping.fit(data, dataset, rounds)
                    : rounds.train(trees, data, dataset), p, seed, prep, true);
        }
    }
}
