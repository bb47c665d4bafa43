package org.audiu.models.tribuo;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.audiu.core.eval.GroupedSplitter;
import org.audiu.core.eval.Split;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.models.compiled.XGBoostJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Chooses an XGBoost model's number of boosting rounds the way XGBoost's own {@code early_stopping_rounds} does: a
 * model of up to {@code maxRounds} rounds is trained on all but an artist-grouped validation share of the rows, its
 * weighted multiclass log-loss on the validation rows is computed after every round, and the best round is the one
 * after which {@code patience} more rounds brought no improvement (or the best of all, if that never happens). The
 * caller then trains its final model on every row with that many rounds.
 *
 * <p>Without it, a boosting model sized for a large data set overfits a listener's library of a few hundred tracks
 * (the validation log-loss by round on {@code ./audiu bench}'s preference task: docs/measurements.md).
 */
final class XGBoostEarlyStopping {
    private static final Logger LOG = LoggerFactory.getLogger(XGBoostEarlyStopping.class);
    /** A round must lower the validation loss by more than this to count as an improvement. */
    static final double MIN_IMPROVEMENT = 1e-6;

    /** Trains a Tribuo XGBoost trainer with the given number of rounds on the given rows. */
    @FunctionalInterface
    interface RoundsTrainer {
        Model<Label> train(int rounds, LabelledData data, MutableDataset<Label> dataset);
    }

    private final int maxRounds;
    private final int patience;
    private final double validationFraction;
    private final long seed;

    XGBoostEarlyStopping(int maxRounds, int patience, double validationFraction, long seed) {
        this.maxRounds = maxRounds;
        this.patience = patience;
        this.validationFraction = validationFraction;
        this.seed = seed;
    }

    /** Whether these rows can be split for validation (two artists or more, 20 rows or more), as the mlp's rule. */
    static boolean splittable(LabelledData data) {
        return data.size() >= 20 && data.examples().stream().map(e -> e.group()).distinct().count() >= 2;
    }

    /**
     * The final model: trained on every row with the number of rounds chosen on a validation split.
     *
     * @param data    the (weighted) rows, parallel to {@code dataset}'s examples
     * @param dataset the same rows as a Tribuo dataset, preprocessed
     */
    Model<Label> fit(LabelledData data, MutableDataset<Label> dataset, RoundsTrainer trainer) {
        Split split = new GroupedSplitter(seed).holdout(data, validationFraction);
        if (split.train().length == 0 || split.test().length == 0) {
            LOG.info("xgboost early stopping: the artists did not split into training and validation rows; "
                    + "training all {} rounds", maxRounds);
            return trainer.train(maxRounds, data, dataset);
        }
        MutableDataset<Label> train = new MutableDataset<>(dataset.getProvenance(), dataset.getOutputFactory());
        for (int i : split.train()) {
            train.add(dataset.getExample(i));
        }
        Model<Label> probe = trainer.train(maxRounds, data.subset(split.train()), train);
        double[] losses = validationLosses((XGBoostModel<Label>) probe, dataset, split.test(), data);
        int best = bestRound(losses, patience);
        LOG.info(String.format(Locale.ROOT, "xgboost early stopping: %d of %d rounds (validation log-loss %.4f; "
                + "%.4f after all %d), on %d training and %d validation rows", best, maxRounds, losses[best - 1],
                losses[losses.length - 1], losses.length, split.train().length, split.test().length));
        return trainer.train(best, data, dataset);
    }

    /**
     * The round (1-based) XGBoost's early stopping would keep: the best so far when {@code patience} rounds in a
     * row have not improved on it by more than {@link #MIN_IMPROVEMENT}, else the best of all.
     */
    static int bestRound(double[] losses, int patience) {
        int best = 0;
        for (int r = 1; r < losses.length && r - best <= patience; r++) {
            if (losses[r] < losses[best] - MIN_IMPROVEMENT) {
                best = r;
            }
        }
        return best + 1;
    }

    /**
     * Weighted multiclass log-loss of the validation rows after each round, from the booster's JSON model: each row
     * walks every tree as XGBoost does ({@code value < condition} goes left, a missing value to the default child)
     * and its per-class margins are summed in {@code float} from {@code base_score}.
     */
    static double[] validationLosses(XGBoostModel<Label> model, MutableDataset<Label> dataset, int[] rows,
                                     LabelledData data) {
        XGBoostJson.Model json;
        try {
            json = XGBoostJson.of(model);
        } catch (IOException e) {
            throw new IllegalStateException("could not read the XGBoost model for early stopping: "
                    + e.getMessage(), e);
        }
        int classes = json.classes();
        float base = json.baseScore();
        List<XGBoostJson.Tree> trees = json.trees();
        int[] treeInfo = json.treeClass();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int n = rows.length;
        float[][] x = new float[n][features.size()];
        int[] truth = new int[n];
        double[] weight = new double[n];
        double totalWeight = 0;
        for (int k = 0; k < n; k++) {
            Arrays.fill(x[k], Float.NaN);
            Example<Label> example = dataset.getExample(rows[k]);
            for (Feature f : example) {
                int id = features.getID(f.getName());
                if (id >= 0) {
                    x[k][id] = (float) f.getValue();
                }
            }
            truth[k] = model.getOutputIDInfo().getID(example.getOutput());
            weight[k] = data.examples().get(rows[k]).weight();
            totalWeight += weight[k];
        }
        float[][] margin = new float[n][classes];
        for (float[] m : margin) {
            Arrays.fill(m, base);
        }
        int rounds = trees.size() / classes;
        double[] losses = new double[rounds];
        for (int t = 0; t < trees.size(); t++) {
            XGBoostJson.Tree tree = trees.get(t);
            int c = treeInfo[t];
            for (int k = 0; k < n; k++) {
                margin[k][c] += tree.leafValue(x[k]);
            }
            if ((t + 1) % classes == 0) {
                double loss = 0;
                for (int k = 0; k < n; k++) {
                    loss += weight[k] * logLoss(margin[k], truth[k]);
                }
                losses[t / classes] = loss / totalWeight;
            }
        }
        return losses;
    }

    private static double logLoss(float[] margin, int truth) {
        double max = Double.NEGATIVE_INFINITY;
        for (float m : margin) {
            max = Math.max(max, m);
        }
        double sum = 0;
        for (float m : margin) {
            sum += Math.exp(m - max);
        }
        return max + Math.log(sum) - margin[truth];
    }
}
