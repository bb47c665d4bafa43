package org.audiu.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.audiu.cli.bench.EndToEndBenchmark;
import org.audiu.cli.bench.GenrePredictBenchmark;
import org.audiu.cli.bench.RecommendTiming;
import org.audiu.cli.bench.ServeLoadBenchmark;
import org.audiu.cli.bench.TwoStageBenchmark;
import org.audiu.cli.bench.ScoringBenchmark;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code audiu bench}: scoring throughput of every trainer on a generated pool (with each model's unoptimised path
 * as the reference), and end-to-end recommendation over a streamed pool in a separate JVM with a capped heap.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure speed and memory on a generated pool with the 13 standard audio features: "
                + "candidate-scoring throughput per trainer (after warm-up, repeated; each model's unoptimised "
                + "path (Tribuo's predict, the tree-by-tree walk, Deeplearning4j) measured alongside as the "
                + "reference) and end-to-end recommendation over the pool streamed by the 'generated' candidate "
                + "source, in a separate JVM with -Xmx512m, with how its time grows "
                + "with the pool and with k."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--pool", paramLabel = "N", defaultValue = "1000000",
            description = "Tracks in the generated pool (default ${DEFAULT-VALUE}).")
    long pool;

    @Option(names = "--warmups", paramLabel = "N", defaultValue = "2",
            description = "Untimed runs before measuring (default ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Timed runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--reference-rows", paramLabel = "N", defaultValue = "50000",
            description = "Rows scored through each model's reference path (default ${DEFAULT-VALUE}).")
    int referenceRows;

    @Option(names = "--trainers", paramLabel = "NAMES", split = ",",
            description = "Trainers to measure (default: every trainer on the classpath).")
    List<String> trainers;

    @Option(names = "--set", paramLabel = "NAME.KEY=VALUE",
            description = "A parameter of one measured trainer, e.g. --set xgboost.trees=200 (repeatable; default: "
                    + "each trainer's defaults).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--e2e-heap", paramLabel = "SIZE", defaultValue = "512m",
            description = "Heap cap of the end-to-end JVM (default ${DEFAULT-VALUE}).")
    String e2eHeap;

    @Option(names = "--in-process",
            description = "Run the end-to-end and two-stage parts in this JVM (no heap cap proof).")
    boolean inProcess;

    @Option(names = "--skip-scoring", description = "Only the end-to-end part.")
    boolean skipScoring;

    @Option(names = "--skip-e2e", description = "Only the scoring throughput.")
    boolean skipE2e;

    @Option(names = "--skip-serve", description = "Leave out the load on 'audiu serve'.")
    boolean skipServe;

    @Option(names = "--skip-recommend", description = "Leave out the whole recommend on the 114k catalogue.")
    boolean skipRecommend;

    @Option(names = "--skip-two-stage", description = "Leave out ranking the pool with the two-stage recommender.")
    boolean skipTwoStage;

    @Option(names = "--two-stage-heap", paramLabel = "SIZE", defaultValue = "4g",
            description = {"The -Xmx of the two-stage JVM (default ${DEFAULT-VALUE}: retrieval holds the whole "
                + "catalogue and its playlists in memory; the peak heap is measured against the 256 MB goal all the "
                + "same)."})
    String twoStageHeap;

    @Option(names = "--two-stage-training-tracks", paramLabel = "N", defaultValue = "2000",
            description = "Tracks of the generated catalogue the bench's ranker is trained on (default ${DEFAULT-VALUE}).")
    int twoStageTrainingTracks;

    @Option(names = "--two-stage-only", hidden = true,
            description = "Internal: the two-stage part, as JSON (the child JVM).")
    boolean twoStageOnly;

    @Option(names = "--skip-genre-predict", description = "Leave out 'genres predict' over a generated 1 M-row file.")
    boolean skipGenrePredict;

    @Option(names = "--genre-predict-rows", paramLabel = "N", defaultValue = "1000000",
            description = "Rows of the generated file 'genres predict' streams (default ${DEFAULT-VALUE}).")
    long genrePredictRows;

    @Option(names = "--genre-predict-model", paramLabel = "NAME", defaultValue = "logistic",
            description = "Trainer of the model 'genres predict' uses (default ${DEFAULT-VALUE}: the figure is the "
                    + "streaming's; a large forest's compiled trees need heap of their own).")
    String genrePredictModel;

    @Option(names = "--genre-predict-heap", paramLabel = "SIZE", defaultValue = "256m",
            description = "The -Xmx of the 'genres predict' JVM (default ${DEFAULT-VALUE}: the goal).")
    String genrePredictHeap;

    @Option(names = "--serve-config", paramLabel = "FILE",
            defaultValue = "audiu-examples/config/spotify-songs-playlist.properties",
            description = "Configuration 'audiu serve' runs under load (default ${DEFAULT-VALUE}; skipped with a "
                    + "message when it or its data is absent).")
    Path serveConfig;

    @Option(names = "--serve-playlists", paramLabel = "N", defaultValue = "300",
            description = "Distinct recommendation requests by playlist (default ${DEFAULT-VALUE}).")
    int servePlaylists;

    @Option(names = "--serve-seeds", paramLabel = "N", defaultValue = "100",
            description = "Distinct recommendation requests by 3-8 seed tracks (default ${DEFAULT-VALUE}).")
    int serveSeeds;

    @Option(names = "--serve-concurrency", paramLabel = "N", defaultValue = "8",
            description = "Requests in flight at a time (default ${DEFAULT-VALUE}).")
    int serveConcurrency;

    @Option(names = "--serve-warmups", paramLabel = "N", defaultValue = "16",
            description = "Distinct requests before measuring, not counted (default ${DEFAULT-VALUE}).")
    int serveWarmups;

    @Option(names = "--shared-data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "The shared data folder with spotify_tracks_114k.csv and history/ (default "
                    + "${DEFAULT-VALUE}).")
    Path sharedData;

    @Option(names = "--recommend-config", paramLabel = "FILE",
            defaultValue = "audiu-examples/config/listening-history.properties",
            description = "Configuration of the whole recommend on the 114k catalogue (default ${DEFAULT-VALUE}).")
    Path recommendConfig;

    @Option(names = "--e2e-models", paramLabel = "NAMES", split = ",", defaultValue = "default,random-forest",
            description = "Models of the end-to-end runs, one JVM each; 'default' is the configuration's default "
                    + "(default ${DEFAULT-VALUE}).")
    List<String> e2eModels;

    @Option(names = "--e2e-only", hidden = true, description = "Internal: the end-to-end part, as JSON (the child JVM).")
    boolean e2eOnly;

    @Option(names = "--e2e-model", hidden = true, defaultValue = "default", description = "Internal: its model.")
    String e2eModel;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print every figure as JSON on standard output.")
    boolean json;

    @Option(names = "--compare", paramLabel = "FILE",
            description = "An earlier 'bench --json' output: print each figure's old and new value and their ratio "
                    + "(new over old for times and memory, old over new for throughput: above 1 is worse), and exit "
                    + "with status " + BenchComparison.EXIT_REGRESSION + " when any is more than "
                    + BenchComparison.TOLERATED + "x worse.")
    Path compare;

    @Option(names = "--verbose", description = "Log details.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (compare != null && !e2eOnly) {
            BenchComparison.read(compare); // an unreadable file fails now, before minutes of measuring
        }
        if (pool < 1 || pool > Integer.MAX_VALUE || warmups < 0 || runs < 1 || referenceRows < 1) {
            throw new ConfigException("--pool must be 1.." + Integer.MAX_VALUE + ", --runs and --reference-rows at "
                    + "least 1, --warmups at least 0.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> log = json || e2eOnly ? s -> { } : s -> {
            out.println(s);
            out.flush();
        };
        Plugins plugins = Plugins.fromClasspath();
        if (twoStageOnly) {
            out.println(Json.write(new TwoStageBenchmark(twoStageOptions(), s -> { }).run(plugins)));
            out.flush();
            return 0;
        }
        if (e2eOnly) {
            out.println(Json.write(new EndToEndBenchmark(e2eOptions(e2eModel), s -> { }).run(plugins)));
            out.flush();
            return 0;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("pool", pool);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("java", System.getProperty("java.version"));
        report.put("measured", LocalDate.now(ZoneOffset.UTC).toString());
        report.put("warmups", warmups);
        report.put("runs", runs);
        if (skipScoring && !parameters.isEmpty()) {
            throw new ConfigException("--set gives parameters to the trainers of the scoring part, which "
                    + "--skip-scoring skips; drop one of them.");
        }
        if (!skipScoring) {
            List<String> names = trainers == null ? plugins.trainers().names() : trainers.stream().map(String::trim)
                    .toList();
            Map<String, Map<String, String>> byTrainer = ModelOptions.parametersByTrainer(names, parameters, "bench");
            for (String name : names) {
                // Unknown names and keys fail here, with the available ones, before anything is measured.
                plugins.trainers().get(name, "--trainers");
                ModelOptions.createNamed(plugins, name, byTrainer.get(name), seed);
            }
            log.accept(String.format(Locale.ROOT, "Scoring throughput, %,d tracks, %d warm-up + %d timed runs, %d "
                    + "cores:", pool, warmups, runs, Runtime.getRuntime().availableProcessors()));
            report.put("scoring", new ScoringBenchmark(new ScoringBenchmark.Options(pool, warmups, runs,
                    referenceRows, 4096, seed), log).run(plugins, names, byTrainer));
        }
        if (!skipE2e) {
            List<Map<String, Object>> runs = new ArrayList<>();
            for (String model : e2eModels.stream().map(String::trim).distinct().toList()) {
                log.accept(String.format(Locale.ROOT, "End-to-end recommend, model %s, over a streamed pool of %,d "
                        + "tracks%s:", model, pool, inProcess ? " (in this JVM)" : " (separate JVM, -Xmx" + e2eHeap
                        + ")"));
                Map<String, Object> e2e = inProcess ? new EndToEndBenchmark(e2eOptions(model), log).run(plugins)
                        : childJvm(err, model);
                runs.add(e2e);
                if (!inProcess && !json) {
                    printEndToEnd(log, e2e);
                }
            }
            report.put("endToEnd", runs);
        }
        if (!skipTwoStage) {
            log.accept(String.format(Locale.ROOT, "Two-stage ranking of a generated %,d-track playlist catalogue held "
                    + "in memory, after training (%s):", pool, inProcess ? "in this JVM" : "separate JVM, -Xmx"
                    + twoStageHeap));
            Map<String, Object> twoStage = inProcess
                    ? new TwoStageBenchmark(twoStageOptions(), log).run(plugins)
                    : child(err, "-Xmx" + twoStageHeap, List.of("--two-stage-only", "--two-stage-training-tracks",
                            Integer.toString(twoStageTrainingTracks)));
            if (!json && !inProcess) {
                printTwoStage(log, twoStage);
            }
            report.put("twoStage", twoStage);
        }
        if (!skipRecommend) {
            log.accept("Whole recommend on the 114k catalogue, a new JVM per run (-Xmx2g, as ./audiu runs it):");
            report.put("recommend114k", new RecommendTiming(new RecommendTiming.Options(sharedData,
                    recommendConfig, Math.max(1, runs - 2), "2g"), log).run());
        }
        if (!skipServe) {
            log.accept(String.format(Locale.ROOT, "Load on 'audiu serve --config %s': %d requests by playlist and %d "
                    + "by 3-8 seed tracks, all distinct, %d at a time:", serveConfig, servePlaylists, serveSeeds,
                    serveConcurrency));
            report.put("serveLoad", serveLoad(plugins, log));
        }
        if (!skipGenrePredict) {
            log.accept(String.format(Locale.ROOT, "'genres predict' over a generated %,d-row feature file, streamed "
                    + "in a JVM of -Xmx%s:", genrePredictRows, genrePredictHeap));
            report.put("genrePredict", new GenrePredictBenchmark(new GenrePredictBenchmark.Options(genrePredictRows,
                    20_000, genrePredictModel, genrePredictHeap, seed), log).run());
        }
        int exit = 0;
        if (compare != null) {
            BenchComparison comparison = BenchComparison.of(BenchComparison.read(compare), BenchComparison.tree(report));
            report.put("comparison", comparison.toMap(compare));
            comparison.print(log);
            exit = comparison.regressed() ? BenchComparison.EXIT_REGRESSION : 0;
        }
        if (json) {
            out.println(Json.write(report));
        }
        out.flush();
        return exit;
    }

    private Map<String, Object> serveLoad(Plugins plugins, Consumer<String> log) throws InterruptedException {
        if (!Files.exists(serveConfig)) {
            return skipped(log, serveConfig + " is absent (run the bench from the repository's root, or give "
                    + "--serve-config FILE)");
        }
        AudiuConfig config = AudiuConfig.load(serveConfig);
        // Its data files (the '.path' and '.catalogue' keys), resolved as the configuration resolves them.
        Optional<Path> absent = config.values().entrySet().stream()
                .filter(e -> e.getKey().endsWith(".path") || e.getKey().endsWith(".catalogue"))
                .map(e -> config.baseDirectory().resolve(e.getValue()).normalize())
                .filter(p -> !Files.exists(p)).findFirst();
        if (absent.isPresent()) {
            return skipped(log, absent.get() + ", which " + serveConfig + " reads, is absent (the shared data sits "
                    + "beside the repository in CI)");
        }
        return new ServeLoadBenchmark(new ServeLoadBenchmark.Options(config, serveConfig.toString(), servePlaylists,
                serveSeeds, serveConcurrency, serveWarmups, seed), log).run(plugins);
    }

    private static Map<String, Object> skipped(Consumer<String> log, String why) {
        log.accept("  skipped: " + why);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("skipped", why);
        return out;
    }

    private EndToEndBenchmark.Options e2eOptions(String model) {
        return new EndToEndBenchmark.Options(pool, warmups, Math.max(3, runs - 2), seed,
                model.equals("default") ? "" : model);
    }

    private TwoStageBenchmark.Options twoStageOptions() {
        if (twoStageTrainingTracks < 200) {
            throw new ConfigException("--two-stage-training-tracks must be at least 200 (playlists of 25 tracks to "
                    + "train the ranker on), got " + twoStageTrainingTracks);
        }
        return new TwoStageBenchmark.Options(pool, warmups, Math.max(3, runs - 2), seed, twoStageTrainingTracks);
    }

    /** Runs the end-to-end part in a new JVM with a capped heap; a pool held in memory would not fit. */
    private Map<String, Object> childJvm(PrintWriter err, String model) throws IOException, InterruptedException {
        return child(err, "-Xmx" + e2eHeap, List.of("--e2e-only", "--e2e-model", model));
    }

    /** Runs one part of the bench in a new JVM ({@code jvm}: its heap cap) and reads its JSON. */
    private Map<String, Object> child(PrintWriter err, String jvm, List<String> part) throws IOException,
            InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, jvm, "-cp",
                System.getProperty("java.class.path"), AudiuCli.class.getName(), "bench", "--pool",
                Long.toString(pool), "--seed", Long.toString(seed), "--warmups", Integer.toString(warmups),
                "--runs", Integer.toString(runs)));
        command.addAll(part);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = pb.start();
        byte[] stdout = process.getInputStream().readAllBytes();
        int code = process.waitFor();
        String text = new String(stdout, StandardCharsets.UTF_8);
        if (code != 0) {
            err.println("The bench JVM for " + part.get(0) + " (" + jvm + ") failed with exit code " + code + ": "
                    + text);
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("jvm", jvm);
            failed.put("failed", "exit code " + code);
            return failed;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = new ObjectMapper().readValue(text, LinkedHashMap.class);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jvm", jvm);
        out.putAll(result);
        return out;
    }

    private static void printTwoStage(Consumer<String> log, Map<String, Object> t) {
        if (t.containsKey("failed")) {
            log.accept("  failed: " + t.get("failed"));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> rank = (Map<String, Object>) t.get("rankAfterTraining");
        log.accept(String.format(Locale.ROOT, "  %s playlists; ranker %s (trained in %.1f s); layout %.1f s; "
                        + "listener model %s in %.2f s; first ranking (builds the audio kernel) %.2f s",
                t.get("playlists"), t.get("ranker"), num(t.get("rankerTrainSeconds")), num(t.get("layoutSeconds")),
                t.get("listenerModel"), num(t.get("listenerModelSeconds")), num(t.get("firstRankSeconds"))));
        log.accept(String.format(Locale.ROOT, "  ranking after training: %.2f s (sd %.2f, %s runs), goal <= %.1f s; "
                        + "peak heap %.0f MB (resident before ranking %.0f MB) of %.0f MB max, goal <= %.0f MB",
                num(rank.get("secondsMean")), num(rank.get("secondsSd")), rank.get("runs"),
                num(rank.get("goalSeconds")), num(t.get("peakHeapBytes")) / 1048576,
                num(t.get("residentHeapBytes")) / 1048576, num(t.get("maxHeapBytes")) / 1048576,
                num(t.get("goalHeapBytes")) / 1048576));
    }

    @SuppressWarnings("unchecked")
    private static void printEndToEnd(Consumer<String> log, Map<String, Object> e2e) {
        if (e2e.containsKey("failed")) {
            log.accept("  failed: " + e2e.get("failed"));
            return;
        }
        Map<String, Object> rank = (Map<String, Object>) e2e.get("rankAfterTraining");
        log.accept(String.format(Locale.ROOT, "  model %s; library %s tracks; sample pass %.2f s; training %.2f s",
                e2e.get("model"), e2e.get("libraryTracks"), num(e2e.get("samplePoolSeconds")),
                num(e2e.get("trainSeconds"))));
        log.accept(String.format(Locale.ROOT, "  ranking after training: %.2f s (sd %.2f, %s runs), goal <= %.0f s;"
                        + " peak heap %.0f MB of %.0f MB max, goal <= %.0f MB", num(rank.get("secondsMean")),
                num(rank.get("secondsSd")), rank.get("runs"), num(rank.get("goalSeconds")),
                num(e2e.get("peakHeapBytes")) / 1048576, num(e2e.get("maxHeapBytes")) / 1048576,
                num(e2e.get("goalHeapBytes")) / 1048576));
        for (Map<String, Object> row : (List<Map<String, Object>>) e2e.get("scalingWithPool")) {
            log.accept(String.format(Locale.ROOT, "  pool %,10d: %.3f s (%,.0f tracks/s)", (long) num(row.get("pool")),
                    num(row.get("secondsMean")), num(row.get("tracksPerSecondMean"))));
        }
        for (Map<String, Object> row : (List<Map<String, Object>>) e2e.get("scalingWithK")) {
            log.accept(String.format(Locale.ROOT, "  k %5d: %.3f s", (long) num(row.get("k")),
                    num(row.get("secondsMean"))));
        }
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
