package org.audiu.models.ensemble;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.audiu.core.FeatureSchema;
import org.audiu.core.eval.GroupedSplitter;
import org.audiu.core.eval.Split;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.audiu.models.ModelMetadata;
import org.audiu.models.compiled.FastScoring;
import org.audiu.models.prep.ClassWeights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stacking: each member's out-of-fold probabilities come from a k-fold split grouped like the evaluation (by
 * artist), so the meta model learns how far to trust each member on rows it has not seen; every member is also
 * trained on all rows, and those models are the ones the stacked model predicts with.
 *
 * <p>The k x members fold models and the members' full-data models are independent trainings: they run as tasks on
 * {@code threads} workers, longest first (by each member's measured relative cost, so XGBoost's and mlp's trainings
 * start before the forests' and logistic's and the two workers finish together). Each task trains
 * with its member's own configuration and seed and writes only its own cells of the meta rows, so the model is the
 * same for any number of workers. A fold model is scored once, on its fold's held-out rows, and then dropped: it is
 * scored through its reference path ({@link FastScoring#predictReference}, equal to the compiled path to 1e-6)
 * rather than compiled, since compiling a forest for one pass over a few thousand rows costs many times the pass.
 */
final class StackingTrainer implements Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(StackingTrainer.class);

    private final Members members;
    private final Trainer meta;
    private final String metaClassWeight;
    private final int folds;
    private final boolean passthrough;
    private final int threads;
    private final Map<String, Double> costs;
    private final Map<String, String> parameters;
    private final long seed;

    StackingTrainer(Members members, Trainer meta, String metaClassWeight, int folds, boolean passthrough,
                    int threads, Map<String, String> parameters, long seed) {
        this(members, meta, metaClassWeight, folds, passthrough, threads, Map.of(), parameters, seed);
    }

    /**
     * @param costs each member's relative training cost by name (for the order of the tasks only; a member not
     *              named costs 1)
     */
    StackingTrainer(Members members, Trainer meta, String metaClassWeight, int folds, boolean passthrough,
                    int threads, Map<String, Double> costs, Map<String, String> parameters, long seed) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.costs = Map.copyOf(costs);
        this.members = members;
        this.meta = meta;
        this.metaClassWeight = metaClassWeight;
        this.folds = folds;
        this.passthrough = passthrough;
        this.threads = threads;
        this.parameters = Map.copyOf(parameters);
        this.seed = seed;
    }

    @Override
    public TrainedModel train(LabelledData data) {
        data.requireTrainable("trainer 'stacking'");
        List<String> labels = data.labels();
        int groups = (int) data.examples().stream().map(LabelledExample::group).distinct().count();
        int k = Math.min(folds, groups);
        if (k < 2) {
            throw new org.audiu.core.DataException("Stacking needs rows from at least two artists (groups) for its "
                    + "out-of-fold predictions; the training data has " + groups + ".");
        }
        FeatureSchema metaSchema = StackingFeatures.schema(members.names(), labels, data.schema(), passthrough);
        double[][] metaRows = new double[data.size()][metaSchema.size()];
        double[][] rows = data.featureMatrix();
        List<Split> splits = new GroupedSplitter(seed).kFold(data, k);
        int count = members.trainers().size();
        TrainedModel[] full = new TrainedModel[count];
        List<Task> tasks = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            int member = m;
            tasks.add(new Task(member, -1, () -> full[member] = members.trainers().get(member).train(data)));
        }
        for (int f = 0; f < splits.size(); f++) {
            Split split = splits.get(f);
            for (int m = 0; m < count; m++) {
                int member = m;
                tasks.add(new Task(member, f, () -> outOfFold(member, split, data, rows, labels, metaRows)));
            }
        }
        run(schedule(tasks, k));
        if (passthrough) {
            StackingFeatures.passthrough(metaRows, rows, members.names().size() * labels.size());
        }
        List<LabelledExample> metaExamples = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            LabelledExample e = data.examples().get(i);
            metaExamples.add(new LabelledExample(e.id(), metaRows[i], e.label(), e.weight(), e.group()));
        }
        TrainedModel metaModel = meta.train(ClassWeights.apply(new LabelledData(metaSchema, metaExamples),
                metaClassWeight));
        ModelProvenance provenance = new ModelProvenance("stacking", parameters, seed, data.size(), data.schema(),
                labels, "per member; meta model on log-probabilities", ModelMetadata.baseVersions(), Instant.now());
        return new StackingModel(members.names(), Arrays.asList(full), metaModel, passthrough, provenance);
    }

    /** Trains member {@code m} on the split's training rows and writes its probabilities of the held-out rows. */
    private void outOfFold(int m, Split split, LabelledData data, double[][] rows, List<String> labels,
                           double[][] metaRows) {
        TrainedModel model = members.trainers().get(m).train(split.trainData(data));
        int[] test = split.test();
        double[][] testRows = new double[test.length][];
        for (int i = 0; i < test.length; i++) {
            testRows[i] = rows[test[i]];
        }
        StackingFeatures.put(metaRows, test, alignedOnce(model, labels, testRows), m, labels.size());
    }

    /**
     * A model's probabilities of rows it is scored on once, in {@code labels} order: through the reference path of
     * a model that would otherwise compile itself first.
     */
    static double[][] alignedOnce(TrainedModel model, List<String> labels, double[][] rows) {
        if (!(model instanceof FastScoring fast)) {
            return EnsembleSupport.aligned(model, labels, rows);
        }
        int[] cols = EnsembleSupport.columns(model, labels);
        double[][] p = fast.predictReference(rows);
        double[][] out = new double[p.length][labels.size()];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                out[i][j] = cols[j] < 0 ? 0 : p[i][cols[j]];
            }
        }
        return out;
    }

    /**
     * The tasks longest first, so that the workers finish together instead of one waiting on a long task started
     * last: by the member's relative cost ({@link #costs}, 1 for a member it does not name) times the share of the
     * rows the task trains on (all rows, or (k-1)/k of them for a fold). Ties keep the given order (full-data models,
     * then folds, in member order). Only the order changes, never what a task computes.
     */
    List<Task> schedule(List<Task> tasks, int k) {
        List<Task> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparingDouble((Task t) -> -cost(t, k)));
        return sorted;
    }

    private double cost(Task t, int k) {
        double member = costs.getOrDefault(members.names().get(t.member()), 1.0);
        return t.fold() < 0 ? member : member * (k - 1) / k;
    }

    /** One training: member {@code member} on fold {@code fold}'s training rows, or on all rows (fold -1). */
    record Task(int member, int fold, Runnable work) {
    }

    /** Runs the tasks on at most {@link #threads} workers, in order; the first failure is rethrown. */
    private void run(List<Task> tasks) {
        int workers = Math.min(threads, tasks.size());
        if (workers == 1) {
            tasks.forEach(this::timed);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, new Workers());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Task t : tasks) {
                futures.add(pool.submit(() -> timed(t)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    futures.forEach(other -> other.cancel(true));
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("A stacking member failed: " + e.getCause(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while training the stacking members", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void timed(Task t) {
        long t0 = System.nanoTime();
        t.work().run();
        LOG.debug("stacking: {} on {} in {} s", members.names().get(t.member()),
                t.fold() < 0 ? "all rows" : "fold " + t.fold(), String.format(java.util.Locale.ROOT, "%.1f",
                        (System.nanoTime() - t0) / 1e9));
    }

    /** Daemon worker threads named stacking-N, so a failed run cannot keep the JVM alive. */
    private static final class Workers implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "stacking-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
