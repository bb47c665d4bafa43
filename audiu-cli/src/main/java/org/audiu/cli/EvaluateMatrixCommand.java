package org.audiu.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.engine.ProgressReporter;
import org.audiu.core.eval.playlist.Baselines;
import org.audiu.core.eval.playlist.ContinuationMethod;
import org.audiu.core.eval.playlist.ContinuationReport;
import org.audiu.core.eval.playlist.EngineMethod;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.eval.playlist.PlaylistContinuation;
import org.audiu.core.eval.playlist.PlaylistSplitter;
import org.audiu.core.eval.playlist.ProtocolMatrix;
import org.audiu.core.metrics.RankingMetrics;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.twostage.TwoStageSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audiu evaluate matrix}: playlist continuation under eight protocols (hidden 0.2 / 0.5 x small / large
 * playlists x whole / sampled pool), audiU against every baseline, capped and uncapped, per cell.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"Playlist continuation under a matrix of protocols: hidden 0.2 and 0.5 x small (10-49 unique "
                + "tracks) and large (50+) playlists x the whole catalogue and a sampled pool (--sample-size), "
                + "3 seeds each. Prints audiU's NDCG@k and R-precision against every baseline (uncapped and under "
                + "audiU's artist cap, NAME@cap) per cell, and whether audiU beats them all."})
public final class EvaluateMatrixCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Playlist CSV (spotify_songs.csv). Default: $AUDIU_SHARED_DATA/spotify_songs.csv or "
                    + "../shared/data/spotify_songs.csv.")
    Path data;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3",
            description = "Repetitions per cell (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Cut-off (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--sample-size", paramLabel = "N", defaultValue = "1000",
            description = "Sampled tracks besides the hidden ones in the sampled-pool cells (default "
                    + "${DEFAULT-VALUE}).")
    int sampleSize;

    @Option(names = "--max-playlists", paramLabel = "N", defaultValue = "0",
            description = "At most N playlists per cell, evenly spread (default: all), for a quick look.")
    int maxPlaylists;

    @Option(names = "--threads", paramLabel = "N", description = "Listeners at once (default: the cores).")
    Integer threads;

    @Option(names = "--two-stage", description = "Put the two-stage recommender under test in every cell (its rankers "
            + "trained k-fold on the cell's own listeners), against the single-stage audiU and every baseline.")
    boolean twoStage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (seeds < 1 || k < 1 || sampleSize < 1 || maxPlaylists < 0 || (threads != null && threads < 1)) {
            throw new ConfigException("--seeds, --k, --sample-size and --threads must be at least 1 and "
                    + "--max-playlists at least 0; got --seeds " + seeds + ", --k " + k + ", --sample-size "
                    + sampleSize + ", --threads " + threads + ", --max-playlists " + maxPlaylists + ".");
        }
        Path file = EvaluateCommand.existingData(data);
        AudiuConfig config = options.loadConfig();
        long start = System.nanoTime();
        EvaluationCatalogue catalogue = new EvaluationCatalogue(new CsvDatasetReader(CsvReadOptions.defaults())
                .read(file));
        EngineMethod audiu = new EngineMethod("audiu", config, Plugins.fromClasspath(), catalogue, false);
        List<ContinuationMethod> methods = new ArrayList<>();
        methods.add(audiu);
        methods.addAll(Baselines.all(catalogue, audiu::artistCap));
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        PlaylistContinuation.Options base = new PlaylistContinuation.Options(k, seeds, config.seed(), workers,
                PlaylistSplitter.standard(), maxPlaylists);
        ProgressReporter progress = ConsoleProgress.to(spec.commandLine().getErr());
        ProtocolMatrix matrix = new ProtocolMatrix(catalogue, ProtocolMatrix.standard(sampleSize), base);
        List<ProtocolMatrix.CellResult> results = twoStage || TwoStageSettings.configured(config)
                ? matrix.run(benchmark -> TwoStageCli.method(config, audiu, catalogue, benchmark, workers), methods,
                        progress)
                : matrix.run(methods, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            Map<String, Object> json = json(results, EvaluateCommand.components(config, audiu), file, seconds);
            json.put("under-test", results.get(0).audiu().name());
            out.println(Json.write(json));
        } else {
            print(out, results, EvaluateCommand.components(config, audiu), seconds);
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> json(List<ProtocolMatrix.CellResult> results, Map<String, String> components,
                                    Path data, double seconds) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> cells = new ArrayList<>();
        int won = 0;
        for (ProtocolMatrix.CellResult c : results) {
            ContinuationReport report = c.report();
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("name", c.cell().name());
            cell.put("protocol", EvaluateCommand.protocolJson(c.cell().splitter(), c.cell().pool(),
                    0));
            cell.put("listeners", report.listeners());
            cell.put("audiu", EvaluateCommand.metrics(c.audiu(), report.k()));
            Map<String, Object> against = new LinkedHashMap<>();
            for (ProtocolMatrix.Comparison cmp : c.comparisons()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("cap", cmp.cap());
                m.put("ndcg@" + report.k(), cmp.ndcg());
                m.put("rprec", cmp.rPrecision());
                m.put("audiu-minus-ndcg", cmp.ndcgDelta());
                m.put("audiu-minus-rprec", cmp.rPrecisionDelta());
                m.put("audiu-wins", cmp.audiuWins());
                against.put(cmp.against(), m);
            }
            cell.put("baselines", against);
            cell.put("audiu-beats-all", c.audiuBeatsAll());
            won += c.audiuBeatsAll() ? 1 : 0;
            cell.put("seconds", report.seconds());
            cells.add(cell);
        }
        out.put("cells", cells);
        out.put("cells-audiu-beats-all", won);
        out.put("components", components);
        out.put("seeds", results.get(0).report().seeds());
        out.put("k", results.get(0).report().k());
        out.put("data", data.toAbsolutePath().normalize().toString());
        out.put("seconds", seconds);
        return out;
    }

    static void print(PrintWriter out, List<ProtocolMatrix.CellResult> results, Map<String, String> components,
                      double seconds) {
        out.println("audiU: " + components);
        int won = 0;
        for (ProtocolMatrix.CellResult c : results) {
            int k = c.report().k();
            RankingMetrics a = c.audiu().mean();
            out.printf(Locale.ROOT, "%n%s: %d listeners x %d seeds; audiU NDCG@%d %.4f, R-prec %.4f%n",
                    c.cell().name(), c.report().listeners(), c.report().seeds().size(), k, a.ndcg(), a.rPrecision());
            out.printf(Locale.ROOT, "  %-20s %-8s %9s %8s %11s %11s %s%n", "baseline", "cap", "NDCG@" + k, "R-prec",
                    "audiU-NDCG", "audiU-Rprec", "audiU wins");
            for (ProtocolMatrix.Comparison cmp : c.comparisons()) {
                out.printf(Locale.ROOT, "  %-20s %-8s %9.4f %8.4f %+11.4f %+11.4f %s%n", cmp.against(), cmp.cap(),
                        cmp.ndcg(), cmp.rPrecision(), cmp.ndcgDelta(), cmp.rPrecisionDelta(),
                        cmp.audiuWins() ? "yes" : "NO");
            }
            won += c.audiuBeatsAll() ? 1 : 0;
        }
        out.printf(Locale.ROOT, "%naudiU beats every baseline on NDCG and R-precision in %d of %d cells; %.1f s in "
                + "all%n", won, results.size(), seconds);
    }
}
