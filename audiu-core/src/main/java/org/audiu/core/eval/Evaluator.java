package org.audiu.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.audiu.core.metrics.ClassificationReport;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains and tests a trainer on the splits of a protocol. Every split is checked for leaks (no artist, track id or
 * row on both sides) before training. Trainers of different names evaluated with the same protocol and data see
 * exactly the same splits, so their results compare.
 */
public final class Evaluator {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final EvaluationProtocol protocol;
    private final Consumer<EvaluationRun> onRun;

    /**
     * @param protocol the seeds and split kind
     * @param onRun    called after each run (progress); may be null
     */
    public Evaluator(EvaluationProtocol protocol, Consumer<EvaluationRun> onRun) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.onRun = onRun == null ? r -> { } : onRun;
    }

    public EvaluationProtocol protocol() {
        return protocol;
    }

    /**
     * Evaluates one trainer.
     *
     * @param name     the trainer's name (for the result)
     * @param data     the labelled rows (see {@link EvaluationData})
     * @param trainers makes the trainer for a seed (so each seed also varies the trainer's randomness)
     */
    public EvaluationResult evaluate(String name, LabelledData data, LongFunction<Trainer> trainers) {
        return evaluate(name, data, TrackLabels.SINGLE, trainers);
    }

    /**
     * Evaluates one trainer against each row's true labels (several for some tracks: a prediction of any of them is
     * right; see {@link TrackLabels}).
     *
     * @param name     the trainer's name (for the result)
     * @param data     the labelled rows (see {@link EvaluationData})
     * @param truth    the rows' true labels ({@link EvaluationData#truth()})
     * @param trainers makes the trainer for a seed (so each seed also varies the trainer's randomness)
     */
    public EvaluationResult evaluate(String name, LabelledData data, TrackLabels truth,
                                     LongFunction<Trainer> trainers) {
        Objects.requireNonNull(truth, "truth");
        List<EvaluationRun> runs = new ArrayList<>();
        for (long seed : protocol.seeds()) {
            List<Split> splits = protocol.splits(data, seed);
            for (int fold = 0; fold < splits.size(); fold++) {
                Split split = splits.get(fold);
                split.verifyNoLeak(data);
                EvaluationRun run = runOnce(data, split, trainers.apply(seed), seed, fold, truth);
                LOG.info("{} seed {} fold {}: accuracy {}, macro-F1 {}, trained in {} s", name, seed, fold,
                        run.report().accuracy(), run.report().macroF1(), run.trainSeconds());
                runs.add(run);
                onRun.accept(run);
            }
        }
        return new EvaluationResult(name, runs);
    }

    /** Trains on the split's training rows and tests on its test rows (one label per row). */
    public static EvaluationRun runOnce(LabelledData data, Split split, Trainer trainer, long seed, int fold) {
        return runOnce(data, split, trainer, seed, fold, TrackLabels.SINGLE);
    }

    /**
     * Trains on the split's training rows and tests on its test rows against their true labels: a prediction is right
     * when it is one of the row's labels, and the row counts in the confusion matrix as that label (else as its first;
     * see {@link TrackLabels}). The top-5 accuracy is the share of rows with one of their labels among the five most
     * probable classes (ties in file order of the model's labels).
     */
    public static EvaluationRun runOnce(LabelledData data, Split split, Trainer trainer, long seed, int fold,
                                        TrackLabels truth) {
        LabelledData train = split.trainData(data);
        LabelledData test = split.testData(data);
        long t0 = System.nanoTime();
        TrainedModel model = trainer.train(train);
        double[][] rows = test.featureMatrix();
        if (rows.length > 0) {
            // A model's one-off preparation for scoring (compiling its trees or layers on first use) counts as
            // training, so predictions per second are the steady rate a user's pool is scored at.
            model.predictLabels(new double[][] {rows[0]});
        }
        long trainNanos = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        double[][] probabilities = model.predictProbabilities(rows);
        // The most probable label, the first of equals, as TrainedModel.predictLabels picks it.
        List<String> labels = model.labels();
        String[] predicted = new String[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            predicted[i] = labels.get(best(probabilities[i]));
        }
        long predictNanos = System.nanoTime() - t1;
        String[] resolved = new String[predicted.length];
        int topHits = 0;
        for (int i = 0; i < predicted.length; i++) {
            List<String> trueLabels = truth.of(test.examples().get(i));
            resolved[i] = trueLabels.contains(predicted[i]) ? predicted[i] : trueLabels.get(0);
            if (inTop(probabilities[i], labels, trueLabels, TOP_K)) {
                topHits++;
            }
        }
        ClassificationReport report = ClassificationReport.of(train.labels(), resolved, predicted);
        double top5 = predicted.length == 0 ? Double.NaN : (double) topHits / predicted.length;
        return new EvaluationRun(seed, fold, report, trainNanos, predictNanos, train.size(), test.size(), top5);
    }

    /** The k of the top-k accuracy. */
    public static final int TOP_K = 5;

    private static int best(double[] p) {
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        return best;
    }

    /** Whether one of {@code wanted} is among the k most probable labels (a label ranks below those more probable
     * and below equally probable ones earlier in the model's order). */
    static boolean inTop(double[] p, List<String> labels, List<String> wanted, int k) {
        for (String w : wanted) {
            int j = labels.indexOf(w);
            if (j < 0) {
                continue; // a label the model never saw cannot be predicted
            }
            int ahead = 0;
            for (int o = 0; o < p.length && ahead < k; o++) {
                if (p[o] > p[j] || (p[o] == p[j] && o < j)) {
                    ahead++;
                }
            }
            if (ahead < k) {
                return true;
            }
        }
        return false;
    }
}
