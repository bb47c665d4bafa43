package org.audiu.models.ensemble;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.PluginContext;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.models.prep.ClassWeights;

/**
 * Ensembles whose members are other trainers, named in the configuration; each member reads its own parameters
 * under its name:
 * <pre>
 * model = stacking
 * model.members = xgboost, random-forest
 * model.xgboost.trees = 300
 * model.meta = logistic-liblinear
 * </pre>
 */
public final class EnsembleTrainerFactories {
    static final List<String> DEFAULT_MEMBERS = List.of("xgboost", "random-forest");
    /** Stacking's default meta model. */
    static final String DEFAULT_META = "logistic-liblinear";
    /**
     * Stacking's default members: diverse learners (boosting, bagging, randomised trees, a neural net, a linear
     * model) are what the meta model gains from. The same on every classpath: 'mlp' comes from
     * org.audiu:audiu-models-dl4j, and without it stacking with these defaults fails saying so.
     */
    static final List<String> DEFAULT_STACKING_MEMBERS = List.of("xgboost", "random-forest", "extra-trees", "mlp",
            "logistic");
    /** The jar of a default member that is not in audiu-models, for the "add this jar" message. */
    private static final Map<String, String> MEMBER_JARS = Map.of("mlp", "org.audiu:audiu-models-dl4j");

    /**
     * Parameters stacking gives its members unless the configuration sets them: stacking measured best on both
     * shared genre files (music_genre.csv 0.622 / 0.612 accuracy / macro-F1 against xgboost's 0.615 / 0.601,
     * spotify_songs.csv 0.601 / 0.595 against 0.598 / 0.592; other files: {@code genres compare --by}). Its
     * members are sized for the meta model, not to be the best alone (issue 26 part 3, docs/measurements.md "Stacking
     * in minutes, continued"): forests of 100 trees (300 gave no better meta model and held three times the
     * memory) and mlp (256,128) on minibatches of 1,024 at Adam's step 0.003 (not 256 at 0.001: a quarter of the
     * updates at the same validation loss). xgboost keeps its 800 rounds at eta 0.04 and trains all of them (early
     * stopping did not help stacking; 200 rounds at eta 0.16 cost the meta model half a point of accuracy).
     * The tree members train on one thread each ({@code threads = 1}; mlp's default already is): stacking runs its
     * trainings side by side on its own {@code threads} workers instead, which on a busy machine beats XGBoost's
     * OpenMP threads waiting for each other, and keeps the number of busy threads at the core budget.
     */
    static final Map<String, Map<String, String>> STACKING_MEMBER_DEFAULTS = Map.of(
            "extra-trees", Map.of("trees", "100", "threads", "1"),
            "random-forest", Map.of("trees", "100", "threads", "1"),
            "mlp", Map.of("hidden", "256,128", "batch-size", "1024", "learning-rate", "0.003"),
            "xgboost", Map.of("early-stopping-rounds", "0", "threads", "1"));

    /**
     * Each default member's relative training time inside stacking (one thread, measured on music_genre.csv with
     * {@link #STACKING_MEMBER_DEFAULTS}: docs/measurements.md), for the order of stacking's tasks only: longest first,
     * so the workers finish together. A member not named here counts 1.
     */
    static final Map<String, Double> STACKING_MEMBER_COSTS = Map.of("xgboost", 3.0, "mlp", 2.5,
            "random-forest", 1.0, "extra-trees", 0.8, "logistic", 0.2);

    /**
     * The defaults of an SGD {@code logistic} meta model, when a configuration asks for one: its 50 or so inputs
     * are strongly correlated log-probabilities, and AdaGrad's last iterate with the base trainer's small
     * minibatches (8, 15 epochs) stayed noisy; large minibatches over more epochs settle it.
     */
    static final Map<String, String> LOGISTIC_META_DEFAULTS = Map.of("epochs", "100", "minibatch", "1024");

    private EnsembleTrainerFactories() {
    }

    /**
     * {@code model = voting}: the weighted mean of the members' probabilities (soft voting). Parameters:
     * {@code members} (xgboost, random-forest), {@code weights} (equal), {@code <member>.*}.
     */
    public static final class Voting implements TrainerFactory {
        @Override public String name() { return "voting"; }
        @Override public String description() { return "soft-voting ensemble of other trainers (model.members)"; }

        @Override
        public Trainer create(ComponentConfig c) {
            return create(c, PluginContext.NONE);
        }

        @Override
        public Trainer create(ComponentConfig c, PluginContext context) {
            Members members = Members.from(c, context, DEFAULT_MEMBERS);
            double[] weights = new double[members.names().size()];
            Arrays.fill(weights, 1.0);
            // Equal weights by default, read as a list so that provenance records them too.
            List<String> w = c.getList("weights", Arrays.stream(weights).mapToObj(Double::toString).toList());
            if (w.size() != weights.length) {
                throw new ConfigException("'" + c.qualified("weights") + "' has " + w.size() + " values for "
                        + weights.length + " members " + members.names() + ".");
            }
            for (int i = 0; i < weights.length; i++) {
                try {
                    weights[i] = Double.parseDouble(w.get(i));
                } catch (NumberFormatException e) {
                    weights[i] = Double.NaN;
                }
                if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                    throw new ConfigException("Invalid weight '" + w.get(i) + "' in '" + c.qualified("weights")
                            + "': expected a number >= 0.");
                }
            }
            if (Arrays.stream(weights).sum() <= 0) {
                throw new ConfigException("'" + c.qualified("weights") + "' must not be all zero.");
            }
            return new VotingTrainer(members, weights, c.effectiveParameters(), c.seed());
        }
    }

    /**
     * {@code model = stacking}: a meta model trained on the members' out-of-fold log-probabilities from an
     * artist-grouped k-fold split. Parameters: {@code members} (xgboost, random-forest, extra-trees, mlp, logistic;
     * unless set: both forests with 100 trees, mlp with hidden 256,128, batch-size 1024 and learning-rate 0.003,
     * xgboost without early stopping),
     * {@code meta} ({@code logistic-liblinear}: a logistic regression
     * solved to convergence, so the meta model's answer does not hang on SGD's epochs and row order),
     * {@code meta.*} (an SGD {@code logistic} meta model defaults to epochs 100, minibatch 1024),
     * {@code meta-class-weight} (balanced: every class weighs the same in the meta model, which favours macro-F1;
     * sqrt or none),
     * {@code folds} (3), {@code passthrough} (false: also give the meta model the original features),
     * {@code threads} (all cores: how many of the k x members fold trainings and the members' full-data trainings
     * run at once; the model does not depend on it), {@code <member>.*} (the tree members default to
     * {@code threads = 1}, since stacking trains several at once).
     *
     * <p>The default members include {@code mlp}, which is in org.audiu:audiu-models-dl4j. Without that jar,
     * stacking with the default members fails, naming the missing member and the jar to add (or the members to
     * list instead); it does not quietly stack fewer members, so one configuration means one model on every
     * classpath, and the model a user gets is the one this documentation and the measured accuracy describe.
     */
    public static final class Stacking implements TrainerFactory {
        @Override public String name() { return "stacking"; }
        @Override public String description() { return "stacked ensemble: meta model on members' out-of-fold output"; }

        @Override
        public Trainer create(ComponentConfig c) {
            return create(c, PluginContext.NONE);
        }

        @Override
        public Trainer create(ComponentConfig c, PluginContext context) {
            if (!c.has("members")) {
                requireDefaultMembers(c, context);
            }
            Members members = Members.from(c, context, DEFAULT_STACKING_MEMBERS, STACKING_MEMBER_DEFAULTS);
            String metaName = c.getString("meta", DEFAULT_META);
            Trainer meta = Members.build(c, context, metaName, "meta",
                    metaName.equals("logistic") ? LOGISTIC_META_DEFAULTS : Map.of());
            String metaWeights = c.getChoice("meta-class-weight", "balanced", ClassWeights.MODES);
            int folds = c.getInt("folds", 3, 2, 100);
            boolean passthrough = c.getBoolean("passthrough", false);
            int threads = c.getInt("threads", Runtime.getRuntime().availableProcessors(), 1, 4096);
            return new StackingTrainer(members, meta, metaWeights, folds, passthrough, threads,
                    STACKING_MEMBER_COSTS, c.effectiveParameters(), c.seed());
        }

        /** Fails when a default member is not registered, naming it, its jar and the members that are. */
        private static void requireDefaultMembers(ComponentConfig c, PluginContext context) {
            List<String> registered = context.names(TrainerFactory.KIND);
            if (registered.isEmpty()) {
                return; // no registries (PluginContext.NONE): building the first member fails with that message
            }
            List<String> missing = DEFAULT_STACKING_MEMBERS.stream().filter(m -> !registered.contains(m)).toList();
            if (missing.isEmpty()) {
                return;
            }
            List<String> present = DEFAULT_STACKING_MEMBERS.stream().filter(registered::contains).toList();
            String jars = String.join(", ", missing.stream().map(m -> "'" + m + "' is in "
                    + MEMBER_JARS.getOrDefault(m, TrainerFactory.KIND.whereToFind())).toList());
            throw new ConfigException("The stacking ensemble's default members " + DEFAULT_STACKING_MEMBERS
                    + " include " + missing + ", which no jar on the classpath provides (" + jars + "). Add that "
                    + "dependency, or list the members to stack in '" + c.qualified("members") + "', e.g. "
                    + c.qualified("members") + " = " + String.join(", ", present) + ".");
        }
    }
}
