package org.audiu.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiu.core.DataException;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.eval.playlist.Baselines;
import org.audiu.core.eval.playlist.ContinuationMethod;
import org.audiu.core.eval.playlist.ContinuationReport;
import org.audiu.core.eval.playlist.EngineMethod;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.eval.playlist.PlaylistContinuation;
import org.audiu.core.eval.playlist.PlaylistSplitter;
import org.audiu.core.eval.playlist.PoolChoice;
import org.audiu.core.metrics.RankingMetrics;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.preference.PreferenceScorerFactory;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.core.twostage.TwoStageMethod;
import org.audiu.core.twostage.TwoStageSettings;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code audiu evaluate}: measures recommendation quality. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure recommendation quality against baselines.",
        subcommands = {EvaluateCommand.Playlists.class, EvaluateHistoryCommand.class,
                EvaluateMatrixCommand.class, EvaluateSeedsCommand.class})
public final class EvaluateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The default dataset: {@code $AUDIU_SHARED_DATA/spotify_songs.csv}, else {@code ../shared/data/}. */
    static Path defaultData() {
        String dir = System.getenv("AUDIU_SHARED_DATA");
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("audiu.shared.data", "../shared/data");
        }
        return Path.of(dir, "spotify_songs.csv");
    }

    /** {@code audiu evaluate playlists}: playlist continuation on real playlists. */
    @Command(name = "playlists", mixinStandardHelpOptions = true,
            description = {"Playlist continuation: every playlist with at least 20 unique tracks (--min-tracks, "
                    + "--max-tracks) is a listener; 20%% of its tracks (--hidden) are hidden (seeded); the visible "
                    + "ones are the library; the pool is every other catalogue track (--pool). audiU (the "
                    + "configured pipeline and model) and the baselines recommend; P@k, recall@k, NDCG@k, "
                    + "R-precision and hit-rate@k are averaged over playlists and seeds. Every list is measured "
                    + "under audiU's artist cap and uncapped: NAME@cap is a baseline under audiU's cap, "
                    + "audiu@uncapped is audiU's ranking without it.",
                    "The configuration's scorer, model, engine settings and listener features are used; its "
                            + "library, candidates and feature chain are replaced by the dataset's."})
    public static final class Playlists implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--data", paramLabel = "FILE",
                description = "Playlist CSV (spotify_songs.csv). Default: $AUDIU_SHARED_DATA/spotify_songs.csv or "
                        + "../shared/data/spotify_songs.csv.")
        Path data;

        @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
                description = "The file's encoding (default ${DEFAULT-VALUE}), e.g. ISO-8859-1 for a Latin-1 file.")
        java.nio.charset.Charset charset;

        @Option(names = "--seeds", paramLabel = "N", defaultValue = "3",
                description = "Repetitions with different splits and model seeds (default ${DEFAULT-VALUE}).")
        int seeds;

        @Option(names = "--k", paramLabel = "K", defaultValue = "10",
                description = "Cut-off of P@k, recall@k, NDCG@k, hit-rate@k (default ${DEFAULT-VALUE}).")
        int k;

        @Option(names = "--chart", paramLabel = "FILE", defaultValue = "audiu-evaluate-playlists.png",
                description = "Where to write the PNG chart comparing audiU with the baselines (default "
                        + "${DEFAULT-VALUE}; 'none' for no chart).")
        String chart;

        @Option(names = "--threads", paramLabel = "N",
                description = "Listeners evaluated at once (default: the number of cores).")
        Integer threads;

        @Option(names = "--max-playlists", paramLabel = "N", defaultValue = "0",
                description = "Evaluate only N playlists, evenly spread over the file, for a quick look (default: "
                        + "all).")
        int maxPlaylists;

        @Option(names = "--no-baselines", description = "Evaluate audiU only.")
        boolean noBaselines;

        @Option(names = "--two-stage", description = "Also evaluate the two-stage recommender (retrievers, then a "
                + "ranker learnt across the other folds' playlists; two-stage.* keys of the configuration), with its "
                + "ablations and stage 1's recall. On whenever the configuration sets a two-stage.* key.")
        boolean twoStage;

        @Mixin
        PlaylistProtocolOptions protocol;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (seeds < 1 || k < 1 || maxPlaylists < 0 || (threads != null && threads < 1)) {
                throw new ConfigException("--seeds, --k and --threads must be at least 1 and --max-playlists at least"
                        + " 0; got --seeds " + seeds + ", --k " + k + ", --threads " + threads + ", --max-playlists "
                        + maxPlaylists + ".");
            }
            PlaylistSplitter splitter = protocol.splitter();
            PoolChoice pool = protocol.pool();
            Path file = existingData(data);
            AudiuConfig config = options.loadConfig();
            long start = System.nanoTime();
            EvaluationCatalogue catalogue = new EvaluationCatalogue(new CsvDatasetReader(CsvReadOptions.defaults().withCharset(charset))
                    .read(file));
            EngineMethod audiu = new EngineMethod("audiu", config, Plugins.fromClasspath(), catalogue, true);
            List<ContinuationMethod> methods = new ArrayList<>();
            methods.add(audiu);
            int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            PlaylistContinuation benchmark = new PlaylistContinuation(catalogue, new PlaylistContinuation.Options(k,
                    seeds, config.seed(), workers, splitter, maxPlaylists, pool));
            TwoStageMethod twoStageMethod = twoStage || TwoStageSettings.configured(config)
                    ? TwoStageCli.method(config, audiu, catalogue, benchmark, workers) : null;
            if (twoStageMethod != null) {
                methods.add(twoStageMethod);
            }
            if (!noBaselines) {
                methods.addAll(Baselines.all(catalogue, audiu::artistCap));
            }
            ProgressReporter progress = ConsoleProgress.to(spec.commandLine().getErr());
            ContinuationReport report = benchmark.run(methods, progress);
            Map<String, String> components = components(config, audiu);
            Path chartFile = chart.equalsIgnoreCase("none") ? null : Path.of(chart);
            if (chartFile != null) {
                writeChart(report, chartFile, components.get("model"));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            if (options.json()) {
                Map<String, Object> json = json(report, components, file, chartFile, seconds);
                json.put("protocol", protocolJson(splitter, pool, maxPlaylists));
                json.put("engine", twoStageMethod == null ? "single-stage" : "single-stage and two-stage");
                if (twoStageMethod != null) {
                    TwoStageCli.moveTwoStage(json, report);
                    json.put("two-stage-retrieval", twoStageMethod.report());
                }
                out.println(Json.write(json));
            } else {
                printTable(out, report, components, file, chartFile, seconds);
                if (twoStageMethod != null) {
                    TwoStageCli.printRetrieval(out, twoStageMethod.report());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** The dataset file, checked to exist. */
    static Path existingData(Path data) {
        Path file = data != null ? data : defaultData();
        if (Files.isDirectory(file)) {
            throw new DataException("Playlist dataset " + file.toAbsolutePath() + " is a folder, not a file. "
                    + "Pass --data FILE (spotify_songs.csv of the TidyTuesday \"30000 Spotify songs\" data).");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataException("Playlist dataset not found: " + file.toAbsolutePath() + ". Pass --data "
                    + "FILE (spotify_songs.csv of the TidyTuesday \"30000 Spotify songs\" data) or set "
                    + "AUDIU_SHARED_DATA to its folder.");
        }
        return file;
    }

    /** audiU's components for reports: model, scorer, listener features and the artist cap. */
    static Map<String, String> components(AudiuConfig config, EngineMethod audiu) {
        RecommendationEngine engine = audiu.engine(config.seed());
        Map<String, String> components = new LinkedHashMap<>();
        components.put("model", config.get(TrainerFactory.KIND.configKey())
                .orElse(TrainerFactory.KIND.defaultSelection()));
        components.put("scorer", config.get(PreferenceScorerFactory.KIND.configKey())
                .orElse(PreferenceScorerFactory.KIND.defaultSelection()));
        components.put("listener-features", String.join(", ", engine.listenerFeatures().names()));
        components.put("recommendations.per-artist", Integer.toString(engine.settings().perArtist()));
        components.put("recommendations.per-artist.adaptive", Boolean.toString(engine.settings().adaptiveArtistCap()));
        components.put("recommendations.per-artist.adaptive.min-tracks",
                Integer.toString(engine.settings().adaptiveCapMinTracks()));
        components.put("recommendations.artist-share-weight", Double.toString(engine.settings().artistShareWeight()));
        components.put("training.negatives-per-liked", Double.toString(engine.settings().negativesPerLiked()));
        return components;
    }

    /** The protocol as the JSON records it. */
    static Map<String, Object> protocolJson(PlaylistSplitter splitter, PoolChoice pool, int maxPlaylists) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hidden", splitter.hiddenShare());
        p.put("min-tracks", splitter.minTracks());
        p.put("max-tracks", splitter.maxTracks() == Integer.MAX_VALUE ? null : splitter.maxTracks());
        p.put("pool", pool.describe());
        p.put("max-playlists", maxPlaylists);
        return p;
    }

    static Map<String, Object> metrics(ContinuationReport.MethodResult r, int k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cap", r.cap());
        RankingMetrics mean = r.mean();
        m.put("p@" + k, mean.precision());
        m.put("recall@" + k, mean.recall());
        m.put("ndcg@" + k, mean.ndcg());
        m.put("rprec", mean.rPrecision());
        m.put("hit@" + k, mean.hitRate());
        m.put("ndcg@" + k + ".sd-across-seeds", r.spreadAcrossSeeds(2));
        m.put("rprec.sd-across-seeds", r.spreadAcrossSeeds(3));
        m.put("seconds", r.seconds());
        return m;
    }

    static Map<String, Object> json(ContinuationReport report, Map<String, String> components, Path data,
                                    Path chart, double seconds) {
        ContinuationReport.MethodResult audiu = report.methods().get(0);
        Map<String, Object> out = new LinkedHashMap<>(metrics(audiu, report.k()));
        Map<String, Object> baselines = new LinkedHashMap<>();
        Map<String, Object> variants = new LinkedHashMap<>();
        for (ContinuationReport.MethodResult r : report.methods().subList(1, report.methods().size())) {
            (r.name().startsWith(audiu.name() + "@") ? variants : baselines).put(r.name(), metrics(r, report.k()));
        }
        out.put("variants", variants);
        out.put("baselines", baselines);
        List<Map<String, Object>> perSeed = new ArrayList<>();
        for (int s = 0; s < report.seeds().size(); s++) {
            RankingMetrics m = audiu.perSeed().get(s);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", report.seeds().get(s));
            row.put("ndcg@" + report.k(), m.ndcg());
            row.put("rprec", m.rPrecision());
            perSeed.add(row);
        }
        out.put("per-seed", perSeed);
        out.put("components", components);
        out.put("k", report.k());
        out.put("seeds", report.seeds());
        out.put("listeners", report.listeners());
        out.put("data", data.toAbsolutePath().normalize().toString());
        out.put("chart", chart == null ? null : chart.toAbsolutePath().normalize().toString());
        out.put("seconds", seconds);
        return out;
    }

    static void printTable(PrintWriter out, ContinuationReport report, Map<String, String> components, Path data,
                           Path chart, double seconds) {
        int k = report.k();
        out.printf(Locale.ROOT, "Playlist continuation on %s: %d listeners x %d seeds %s, k = %d%n",
                data.getFileName(), report.listeners(), report.seeds().size(), report.seeds(), k);
        out.println("audiU: " + components);
        out.printf(Locale.ROOT, "%-20s %-8s %8s %10s %9s %8s %8s %9s %9s%n", "method", "cap", "P@" + k,
                "recall@" + k, "NDCG@" + k, "R-prec", "hit@" + k, "sd(NDCG)", "seconds");
        for (ContinuationReport.MethodResult r : report.methods()) {
            RankingMetrics m = r.mean();
            out.printf(Locale.ROOT, "%-20s %-8s %8.4f %10.4f %9.4f %8.4f %8.4f %9.4f %9.1f%n", r.name(), r.cap(),
                    m.precision(), m.recall(), m.ndcg(), m.rPrecision(), m.hitRate(), r.spreadAcrossSeeds(2),
                    r.seconds());
        }
        out.println("cap: audiu's = the artist cap audiU applies to that listener; none = uncapped");
        if (chart != null) {
            out.println("chart: " + chart.toAbsolutePath().normalize());
        }
        out.printf(Locale.ROOT, "%.1f s in all%n", seconds);
    }

    static void writeChart(ContinuationReport report, Path file, String model) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int k = report.k();
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(560)
                .title("Playlist continuation: " + report.listeners() + " playlists x " + report.seeds().size()
                        + " seeds (audiU model: " + model + ")").xAxisTitle("metric").yAxisTitle("mean").build();
        List<String> metrics = List.of("P@" + k, "recall@" + k, "NDCG@" + k, "R-precision", "hit-rate@" + k);
        for (ContinuationReport.MethodResult r : report.methods()) {
            List<Double> values = new ArrayList<>();
            for (double v : r.mean().values()) {
                values.add(v);
            }
            chart.addSeries(r.name(), metrics, values);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream os = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, os, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
