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
        List<EvaluationRun> runs = new ArrayList<>();
        for (long seed : protocol.seeds()) {
            List<Split> splits = protocol.splits(data, seed);
            for (int fold = 0; fold < splits.size(); fold++) {
                Split split = splits.get(fold);
                split.verifyNoLeak(data);
                EvaluationRun run = runOnce(data, split, trainers.apply(seed), seed, fold);
                LOG.info("{} seed {} fold {}: accuracy {}, macro-F1 {}, trained in {} s", name, seed, fold,
                        run.report().accuracy(), run.report().macroF1(), run.trainSeconds());
                runs.add(run);
                onRun.accept(run);
            }
        }
        return new EvaluationResult(name, runs);
    }

    /** Trains on the split's training rows and tests on its test rows. */
    public static EvaluationRun runOnce(LabelledData data, Split split, Trainer trainer, long seed, int fold) {
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
        String[] predicted = model.predictLabels(rows);
        long predictNanos = System.nanoTime() - t1;
        String[] truth = test.examples().stream().map(e -> e.label()).toArray(String[]::new);
        ClassificationReport report = ClassificationReport.of(train.labels(), truth, predicted);
        return new EvaluationRun(seed, fold, report, trainNanos, predictNanos, train.size(), test.size());
    }
}
