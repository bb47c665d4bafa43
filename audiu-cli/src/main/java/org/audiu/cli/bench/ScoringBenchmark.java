package org.audiu.cli.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.audiu.core.AudioFeatures;
import org.audiu.core.Track;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.demo.GeneratedCatalogue;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.models.compiled.FastScoring;
import org.audiu.models.ensemble.StackingModel;
import org.audiu.models.ensemble.VotingModel;

/**
 * Candidate-scoring throughput of every trainer on the classpath: a generated pool with the 13 standard audio
 * features is scored in batches (as the engine does) after warm-up, several times. For a model with a compiled fast
 * path ({@link FastScoring}: Tribuo trees, forests, linear models and XGBoost, audiU forests, the mlp), its
 * unoptimised reference path (Tribuo's {@code predict(List)}, the tree-by-tree walk, Deeplearning4j's
 * {@code output}) is measured in the same run on a prefix of the pool, and the two paths' results are compared.
 */
public final class ScoringBenchmark {
    /** Throughput goals, tracks per second, by kind of model. */
    static final double TREE_GOAL = 1_000_000;
    static final double LINEAR_GOAL = 5_000_000;
    static final double MLP_GOAL = 1_000_000;
    /** Issue 29's goals for the forest and the ensembles built on it. */
    static final double FOREST_GOAL = 2_000_000;
    static final double VOTING_GOAL = 1_000_000;
    static final double STACKING_GOAL = 500_000;

    /**
     * @param pool          tracks to score per run
     * @param warmups       untimed runs before measuring
     * @param runs          timed runs
     * @param referenceRows rows scored by the models' reference paths (a prefix of the pool; they are slow)
     * @param batchSize     rows per prediction call, as the engine's {@code batch-size}
     */
    public record Options(long pool, int warmups, int runs, int referenceRows, int batchSize, long seed) {
    }

    private final Options options;
    private final Consumer<String> log;

    public ScoringBenchmark(Options options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    /**
     * One JSON-ready entry per trainer (skipped ones say why); {@code parameters} holds, by trainer name, the
     * parameters that replace its defaults ({@code trees}, not {@code model.trees}).
     */
    public List<Map<String, Object>> run(Plugins plugins, List<String> trainerNames,
                                         Map<String, Map<String, String>> parameters) throws Exception {
        int n = Math.toIntExact(options.pool());
        GeneratedCatalogue catalogue = new GeneratedCatalogue(n, options.seed(), 20);
        log.accept(String.format(Locale.ROOT, "generating %,d tracks x %d features", n,
                AudioFeatures.STANDARD.size()));
        double[][] rows = new double[n][];
        int[] i = {0};
        catalogue.candidates().forEach(c -> rows[i[0]++] = c.features().orElseThrow().values());
        LabelledData training = trainingData(catalogue);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : trainerNames) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("trainer", name);
            Map<String, String> own = parameters.getOrDefault(name, Map.of());
            if (!own.isEmpty()) {
                entry.put("parameters", own);
            }
            try {
                measure(plugins, name, own, training, rows, entry);
            } catch (Exception | LinkageError e) {
                entry.put("skipped", e.getClass().getSimpleName() + ": " + e.getMessage());
                log.accept("  " + name + " skipped: " + e.getMessage());
            }
            out.add(entry);
        }
        return out;
    }

    /** A generated listener's tracks (liked) against three times as many random pool tracks. */
    private LabelledData trainingData(GeneratedCatalogue catalogue) {
        List<LabelledExample> examples = new ArrayList<>();
        List<Track> liked = catalogue.listener("Jazz", 12).distinctTracks();
        for (Track t : liked) {
            long index = catalogue.indexOf(t.id()).orElseThrow();
            examples.add(new LabelledExample(t.id(), catalogue.candidate(index).features().orElseThrow().values(),
                    TrainedRecommender.LIKED, 1.0, t.mainArtist()));
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        for (int k = 0; k < 3 * liked.size(); k++) {
            Candidate c = catalogue.candidate(random.nextLong(catalogue.size()));
            examples.add(new LabelledExample(c.track().id(), c.features().orElseThrow().values(),
                    TrainedRecommender.OTHER, 1.0 / 3, c.track().mainArtist()));
        }
        return new LabelledData(AudioFeatures.STANDARD, examples);
    }

    private void measure(Plugins plugins, String name, Map<String, String> parameters, LabelledData training,
                         double[][] rows, Map<String, Object> entry) throws Exception {
        ComponentConfig config = new ComponentConfig("trainer", name, "model.", parameters, options.seed(),
                Path.of("").toAbsolutePath(), "audiu bench (--set)");
        Trainer trainer = plugins.create(TrainerFactory.KIND, name, config);
        long t0 = System.nanoTime();
        TrainedModel model = trainer.train(training);
        entry.put("trainSeconds", (System.nanoTime() - t0) / 1e9);
        entry.put("trainingRows", training.size());
        String kind = kind(name, model);
        entry.put("kind", kind);
        if (model instanceof FastScoring fs) {
            entry.put("compiled", fs.compiled().map(c -> c.describe()).orElse("none (" + fs.referencePath() + ")"));
        }
        double[] sink = {0};
        int batch = options.batchSize();
        // A slow model (an ensemble of XGBoost and a neural net) would take many minutes per pass over a million
        // rows: a probe pass sizes its runs to about RUN_SECONDS each, and the entry says how many rows it used.
        int probeRows = Math.min(rows.length, PROBE_ROWS);
        Measurement probe = Measurement.of(0, 1, probeRows, () -> score(model, rows, probeRows, batch, sink));
        int measured = (int) Math.min(rows.length, Math.max(probeRows, probe.meanRate() * RUN_SECONDS));
        Measurement fast = Measurement.of(options.warmups(), options.runs(), measured,
                () -> score(model, rows, measured, batch, sink));
        entry.put("scoring", fast.toMap());
        entry.put("rowsPerRun", measured);
        if (measured < rows.length) {
            entry.put("rowsPerRunNote", "fewer than the pool: a pass over the whole pool would take "
                    + String.format(Locale.ROOT, "%.0f s", rows.length / probe.meanRate()));
        }
        double goal = switch (name) {
            case "random-forest" -> FOREST_GOAL;
            case "voting" -> VOTING_GOAL;
            case "stacking" -> STACKING_GOAL;
            default -> switch (kind) {
                case "linear" -> LINEAR_GOAL;
                case "mlp" -> MLP_GOAL;
                case "ensemble" -> Double.NaN;
                default -> TREE_GOAL;
            };
        };
        if (Double.isNaN(goal)) {
            entry.put("goalNote", "none of its own: an ensemble scores every member, and the goals (trees 1 M, "
                    + "linear 5 M, mlp 1 M tracks/s) apply to the members");
        } else {
            entry.put("goalTracksPerSecond", goal);
            entry.put("goalMet", fast.meanRate() >= goal);
        }
        log.accept(String.format(Locale.ROOT, "  %-16s %,12.0f tracks/s (sd %,.0f)", name, fast.meanRate(),
                fast.sdRate()));
        if (model instanceof FastScoring fs && fs.compiled().isEmpty()) {
            entry.put("reference", Map.of("path", "the measured path is the reference (" + fs.referencePath()
                    + "; no compiled form)"));
        } else if (model instanceof FastScoring fs) {
            int ref = Math.min(rows.length, options.referenceRows());
            double[][] prefix = Arrays.copyOfRange(rows, 0, ref);
            Measurement reference = Measurement.of(1, Math.max(1, Math.min(3, options.runs())), ref, () -> {
                for (int from = 0; from < ref; from += batch) {
                    double[][] p = fs.predictReference(Arrays.copyOfRange(prefix, from, Math.min(ref, from + batch)));
                    sink[0] += p[0][0];
                }
            });
            Map<String, Object> r = new LinkedHashMap<>(reference.toMap());
            r.put("path", fs.referencePath());
            r.put("speedupOfFastPath", fast.meanRate() / reference.meanRate());
            double[][] a = model.predictProbabilities(prefix);
            double[][] b = fs.predictReference(prefix);
            double worst = 0;
            for (int k = 0; k < ref; k++) {
                for (int j = 0; j < a[k].length; j++) {
                    worst = Math.max(worst, Math.abs(a[k][j] - b[k][j]));
                }
            }
            r.put("maxDifferenceFromFastPath", worst);
            entry.put("reference", r);
            log.accept(String.format(Locale.ROOT, "  %-16s %,12.0f tracks/s with the reference path, %s (max "
                    + "difference %.1e)", "", reference.meanRate(), fs.referencePath(), worst));
        } else {
            entry.put("reference", Map.of("path", "no separate reference path (an ensemble: its members score "
                    + "through their own compiled forms)"));
        }
        entry.put("checksum", sink[0]);
    }

    /** Rows of the probe pass that sizes the measured runs. */
    static final int PROBE_ROWS = 20_000;
    /** A measured run of a slow model lasts about this long; fast models score the whole pool. */
    static final double RUN_SECONDS = 8;

    private static void score(TrainedModel model, double[][] rows, int n, int batch, double[] sink) {
        for (int from = 0; from < n; from += batch) {
            double[] p = model.probabilityOf(TrainedRecommender.LIKED,
                    Arrays.copyOfRange(rows, from, Math.min(n, from + batch)));
            sink[0] += p[0];
        }
    }

    private static String kind(String name, TrainedModel model) {
        if (model instanceof VotingModel || model instanceof StackingModel) {
            return "ensemble";
        }
        if (model instanceof FastScoring fs && fs.compiled().isPresent()) {
            String compiled = fs.compiled().get().describe();
            return compiled.startsWith("linear") ? "linear" : compiled.startsWith("dense") ? "mlp" : "trees";
        }
        if (name.contains("mlp") || name.contains("neural")) {
            return "mlp";
        }
        if (name.contains("logistic") || name.contains("linear")) {
            return "linear";
        }
        return "trees";
    }
}
