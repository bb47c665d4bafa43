package org.audiu.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.engine.PoolSample;
import org.audiu.core.engine.PreparedListener;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.engine.TrainingOutcome;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.training.TrainerFactory;

/**
 * End-to-end recommendation over a generated pool streamed by the {@code generated} candidate source, with the
 * default engine configuration (default model, listener features, artist cap): the time to rank the pool after
 * training (the second streaming pass: features, listener columns, scoring, bounded heap, artist cap, reasons), the
 * peak heap, and how that time grows with the pool (10 k .. pool) and with the number of recommendations.
 */
public final class EndToEndBenchmark {
    /**
     * Goals of ranking a million tracks after training (issue 29): the default (logistic) model 0.5 s, random-forest
     * 0.8 s, any other model the earlier 3 s; the heap it may use, 256 MB in a JVM capped at 512 MB.
     */
    static final double GOAL_SECONDS_DEFAULT = 0.5;
    static final double GOAL_SECONDS_FOREST = 0.8;
    static final double GOAL_SECONDS_OTHER = 3.0;
    static final long GOAL_HEAP_BYTES = 256L * 1024 * 1024;

    /** The ranking goal of a model: {@code ""} is the configuration's default. */
    static double goalSeconds(String model) {
        return switch (model) {
            case "", "logistic" -> GOAL_SECONDS_DEFAULT;
            case "random-forest" -> GOAL_SECONDS_FOREST;
            default -> GOAL_SECONDS_OTHER;
        };
    }

    /** @param model a trainer name, or empty for the configuration's default */
    public record Options(long pool, int warmups, int runs, long seed, String model) {
    }

    private final Options options;
    private final Consumer<String> log;

    public EndToEndBenchmark(Options options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    private static RecommendationEngine engine(long pool, long seed, int recommendations, String model,
                                               Plugins plugins) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!model.isEmpty()) {
            values.put("model", model);
        }
        values.put("seed", Long.toString(seed));
        values.put("library.source", "generated");
        values.put("library.size", Long.toString(pool));
        values.put("features", "generated");
        values.put("features.generated.size", Long.toString(pool));
        values.put("candidates.source", "generated");
        values.put("candidates.size", Long.toString(pool));
        values.put("recommendations", Integer.toString(recommendations));
        return RecommendationEngine.fromConfig(new AudiuConfig(values, Path.of("").toAbsolutePath(),
                "audiu bench"), plugins, ProgressReporter.NONE);
    }

    public Map<String, Object> run(Plugins plugins) throws Exception {
        long pool = options.pool();
        String model = options.model();
        RecommendationEngine engine = engine(pool, options.seed(), 20, model, plugins);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pool", pool);
        out.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        out.put("model", model.isEmpty() ? TrainerFactory.KIND.defaultSelection() + " (the default)" : model);
        long t0 = System.nanoTime();
        PreparedListener listener = engine.prepare();
        out.put("prepareSeconds", (System.nanoTime() - t0) / 1e9);
        out.put("libraryTracks", listener.liked().size());
        out.put("listenerFeatures", listener.relative().used());
        long t1 = System.nanoTime();
        PoolSample sample = engine.samplePool(listener);
        out.put("samplePoolSeconds", (System.nanoTime() - t1) / 1e9);
        long t2 = System.nanoTime();
        TrainingOutcome training = engine.train(listener, sample);
        out.put("trainSeconds", (System.nanoTime() - t2) / 1e9);
        out.put("modelFeatures", training.model().schema().size());
        TrainedRecommender recommender = engine.recommender(listener, sample, training);
        if (training.model() instanceof org.audiu.models.compiled.FastScoring fs) {
            out.put("compiled", fs.compiled().map(c -> c.describe()).orElse("none (" + fs.referencePath() + ")"));
        }
        log.accept(String.format(Locale.ROOT, "  trained on %d liked + %d sampled in %.2f s", training.liked(),
                training.negatives(), (Double) out.get("trainSeconds")));
        // Warm-up on the whole pool: a smaller one leaves the ranking path half-compiled for the first timed runs.
        for (int i = 0; i < options.warmups(); i++) {
            engine.rank(recommender, 20, -1);
        }
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        int[] returned = {0};
        Measurement rank = Measurement.of(0, options.runs(), pool, () ->
                returned[0] = engine.rank(recommender, 20, -1).recommendations().size());
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Map<String, Object> r = new LinkedHashMap<>(rank.toMap());
        r.put("recommendations", returned[0]);
        double goal = goalSeconds(model);
        r.put("goalSeconds", goal);
        r.put("goalMet", rank.meanSeconds() <= goal);
        out.put("rankAfterTraining", r);
        out.put("peakHeapBytes", peak);
        out.put("peakHeapNote", "sum of the heap pools' peaks while ranking (an upper bound)");
        out.put("goalHeapBytes", GOAL_HEAP_BYTES);
        out.put("heapGoalMet", peak <= GOAL_HEAP_BYTES);
        log.accept(String.format(Locale.ROOT, "  ranked %,d tracks in %.2f s (sd %.2f), peak heap %.0f MB", pool,
                rank.meanSeconds(), rank.sdSeconds(), peak / 1048576.0));
        List<Map<String, Object>> byPool = new ArrayList<>();
        for (long size : poolSizes(pool)) {
            RecommendationEngine e = engine(size, options.seed(), 20, model, plugins);
            Measurement m = Measurement.of(size < pool ? 1 : 0, Math.max(2, options.runs() - 1), size,
                    () -> e.rank(recommender, 20, -1));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pool", size);
            row.putAll(m.toMap());
            byPool.add(row);
            log.accept(String.format(Locale.ROOT, "  pool %,10d: %.3f s, %,.0f tracks/s", size, m.meanSeconds(),
                    m.meanRate()));
        }
        out.put("scalingWithPool", byPool);
        List<Map<String, Object>> byK = new ArrayList<>();
        for (int k : new int[] {10, 100, 1000}) {
            Measurement m = Measurement.of(0, 2, pool, () -> engine.rank(recommender, k, -1));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("k", k);
            row.putAll(m.toMap());
            byK.add(row);
            log.accept(String.format(Locale.ROOT, "  k %5d: %.3f s", k, m.meanSeconds()));
        }
        out.put("scalingWithK", byK);
        return out;
    }

    static List<Long> poolSizes(long pool) {
        List<Long> sizes = new ArrayList<>();
        for (long s = 10_000; s < pool; s *= 10) {
            sizes.add(s);
        }
        sizes.add(pool);
        return sizes;
    }
}
