package org.audiu.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import org.audiu.core.discovery.DiscoverySettings;
import org.audiu.core.discovery.DiscoveryStage;
import org.audiu.core.eval.history.DiscoveryMethod;
import org.audiu.core.eval.history.HistoryEvaluation;
import org.audiu.core.eval.history.HistoryEvaluationReport;
import org.audiu.core.eval.history.HistoryEvaluationTotal;
import org.audiu.core.eval.history.HistorySplit;
import org.audiu.core.eval.playlist.Baselines;
import org.audiu.core.eval.playlist.ContinuationMethod;
import org.audiu.core.eval.playlist.EngineMethod;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.history.HistoryReader;
import org.audiu.core.history.ListeningHistory;
import org.audiu.core.metrics.RankingMetrics;
import org.audiu.core.plugin.Plugins;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audiu evaluate history}: learn from the plays before a date, find the tracks first played after it. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Evaluation on a listening history split in time: audiU (the configured scorer, model and "
                + "engine settings) and the popularity, same-artist and artist-share baselines learn from the plays "
                + "before --split-at and rank the --candidates pool; recall@k and NDCG@k measure how many of the "
                + "catalogue tracks first played after the split they find. Tracks played before the split are "
                + "never targets."})
public final class EvaluateHistoryCommand implements Callable<Integer> {
    private static final String AUDIU = "audiu";
    /** The single-stage engine's row when audiU ranks with the discovery ranker. */
    private static final String SINGLE_STAGE = "audiu-single-stage";

    @Mixin
    CommonOptions options;

    @Option(names = "--data", paramLabel = "PATH", required = true,
            description = {"A listening-history export: zip, folder or one file (any supported format). Repeat it "
                + "for several listeners, or give a folder whose subfolders are exports: each is evaluated on its "
                + "own (its own split) and the total sums their hits."})
    List<Path> data;

    @Option(names = "--candidates", paramLabel = "CSV", split = ",",
            description = "The catalogue and pool: a track CSV with features, or several read as one catalogue "
                    + "(comma-separated or repeated: spotify_songs.csv,spotify_tracks_114k.csv). Default: the "
                    + "configured pool's files (candidates.path, with candidates.source = dataset).")
    List<Path> candidates;

    @Option(names = "--split-at", paramLabel = "DATE",
            description = "Train on plays before this date or instant (2024-01-01 or 2024-01-01T00:00:00Z, UTC). "
                    + "Default: four fifths of the way from the first play to the last.")
    String splitAt;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10",
            description = "Cut-off of recall@k and NDCG@k (default ${DEFAULT-VALUE}).")
    int k;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (k < 1) {
            throw new ConfigException("--k must be at least 1, got " + k);
        }
        AudiuConfig config = options.loadConfig();
        List<Path> candidates = candidateFiles(config);
        long start = System.nanoTime();
        List<Path> exports = exports(data);
        EvaluationCatalogue catalogue = new EvaluationCatalogue(new CsvDatasetReader(CsvReadOptions.defaults())
                .read(candidates));
        HistoryEvaluation evaluation = new HistoryEvaluation(catalogue);
        List<ContinuationMethod> methods = new ArrayList<>();
        Plugins plugins = Plugins.fromClasspath();
        DiscoverySettings discovery = DiscoverySettings.from(config);
        if (discovery.enabled()) {
            // audiU is the two-stage recommender; the single-stage engine is reported beside it.
            EngineMethod single = new EngineMethod(SINGLE_STAGE, config, plugins, catalogue);
            methods.add(new DiscoveryMethod(AUDIU, single, DiscoveryStage.ranker(catalogue, discovery, plugins,
                    config.seed())));
            methods.add(single);
        } else {
            methods.add(new EngineMethod(AUDIU, config, plugins, catalogue));
        }
        // two-stage.ranker-file: the two-stage recommender with that ranker, beside the single-stage engine (issue 24)
        TwoStageCli.savedRankerMethod(config, plugins, catalogue).ifPresent(methods::add);
        List<ContinuationMethod> baselines = List.of(Baselines.popularity(catalogue), Baselines.sameArtist(catalogue),
                Baselines.artistShare(catalogue));
        methods.addAll(baselines);
        List<String> baselineNames = baselines.stream().map(ContinuationMethod::name).toList();
        List<HistoryEvaluationReport> reports = new ArrayList<>();
        List<ListeningHistory> histories = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path export : exports) {
            ListeningHistory history = new HistoryReader().read(export);
            Instant split = splitAt == null ? HistoryEvaluation.defaultSplit(history) : parse(splitAt);
            HistorySplit s;
            try {
                s = evaluation.split(history, split, config.seed());
            } catch (DataException e) {
                throw new DataException(export + ": " + e.getMessage(), e);
            }
            histories.add(history);
            reports.add(evaluation.run(s, methods, k));
            if (!options.json()) {
                err.println(export + ": " + history.report().summary());
                err.println(reports.get(reports.size() - 1).trainMatch().summary());
            }
        }
        HistoryEvaluationTotal total = HistoryEvaluationTotal.of(reports);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (options.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("candidates", candidates.stream().map(Path::toString).toList());
            json.put("k", k);
            List<Map<String, Object>> perExport = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                HistoryEvaluationReport report = reports.get(i);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("history", exports.get(i).toString());
                e.put("splitAt", report.splitAt().toString());
                e.put("playsBefore", report.playsBefore());
                e.put("playsAfter", report.playsAfter());
                e.put("trainTracks", report.trainTracks());
                e.put("targets", report.targets());
                e.put("read", histories.get(i).report().summary());
                e.put("match", report.trainMatch().summary());
                Map<String, Object> methodsJson = new LinkedHashMap<>();
                report.methods().forEach((name, m) -> methodsJson.put(name, Map.of("hits",
                        Math.round(m.recall() * report.targets()), "recall", m.recall(), "ndcg", m.ndcg(),
                        "hitRate", m.hitRate())));
                e.put("methods", methodsJson);
                perExport.add(e);
            }
            json.put("exports", perExport);
            Map<String, Object> totalJson = new LinkedHashMap<>();
            total.methods().forEach((name, m) -> totalJson.put(name, Map.of("hits", m.hits(), "targets",
                    m.targets(), "recall", m.recall(), "ndcg", m.ndcg())));
            json.put("total", totalJson);
            json.put("audiuAheadOfEveryBaseline", total.beats(AUDIU, baselineNames));
            json.put("seconds", seconds);
            out.println(Json.write(json));
        } else {
            for (int i = 0; i < reports.size(); i++) {
                HistoryEvaluationReport report = reports.get(i);
                out.printf(Locale.ROOT, "%s: split at %s: %d plays before, %d after; %d played tracks in the "
                                + "catalogue before, %d tracks first played after (the targets)%n", exports.get(i),
                        report.splitAt(), report.playsBefore(), report.playsAfter(), report.trainTracks(),
                        report.targets());
            }
            out.printf(Locale.ROOT, "%-28s %-14s %8s %10s %10s%n", "export", "method", "hits", "recall@" + k,
                    "ndcg@" + k);
            for (int i = 0; i < reports.size(); i++) {
                HistoryEvaluationReport report = reports.get(i);
                String name = exports.get(i).getFileName() == null ? exports.get(i).toString()
                        : exports.get(i).getFileName().toString();
                for (Map.Entry<String, RankingMetrics> e : report.methods().entrySet()) {
                    out.printf(Locale.ROOT, "%-28s %-14s %4d/%-3d %10.4f %10.4f%n", name, e.getKey(),
                            Math.round(e.getValue().recall() * report.targets()), report.targets(),
                            e.getValue().recall(), e.getValue().ndcg());
                }
            }
            for (Map.Entry<String, HistoryEvaluationTotal.MethodTotal> e : total.methods().entrySet()) {
                out.printf(Locale.ROOT, "%-28s %-14s %4d/%-3d %10.4f %10.4f%n", "total (" + reports.size()
                                + (reports.size() == 1 ? " export)" : " exports)"), e.getKey(), e.getValue().hits(),
                        e.getValue().targets(), e.getValue().recall(), e.getValue().ndcg());
            }
            out.printf(Locale.ROOT, "audiU %s every baseline on recall@%d and ndcg@%d in each export and in total%n",
                    total.beats(AUDIU, baselineNames) ? "is ahead of" : "is NOT ahead of", k, k);
            out.printf(Locale.ROOT, "%.1f s%n", seconds);
        }
        out.flush();
        return 0;
    }

    /**
     * The exports to evaluate: each --data path, except that a folder holding no file of its own but folders is a
     * folder of exports (each subfolder one, in name order).
     */
    static List<Path> exports(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new DataException("--data " + p.toAbsolutePath() + " does not exist: give a listening-history "
                        + "export (zip, folder or file), or a folder of export folders.");
            }
            if (Files.isDirectory(p)) {
                try (java.util.stream.Stream<Path> children = Files.list(p)) {
                    List<Path> all = children.sorted().toList();
                    boolean hasFiles = all.stream().anyMatch(Files::isRegularFile);
                    List<Path> folders = all.stream().filter(Files::isDirectory).toList();
                    if (!hasFiles && !folders.isEmpty()) {
                        out.addAll(folders);
                        continue;
                    }
                } catch (java.io.IOException e) {
                    throw new DataException("--data " + p + ": cannot list it (" + e.getMessage() + ")", e);
                }
            }
            out.add(p);
        }
        return out;
    }

    /** The --candidates files, or the configured pool's; each one must exist (the error names it). */
    private List<Path> candidateFiles(AudiuConfig config) {
        return candidateFiles(config, candidates);
    }

    /** {@code given}, or the configured dataset pool's files; each one must exist (the error names it). */
    static List<Path> candidateFiles(AudiuConfig config, List<Path> given) {
        List<Path> files = given;
        if (files == null || files.isEmpty()) {
            String source = config.get("candidates.source").orElse("");
            if (!source.equals("dataset") || config.get("candidates.path").isEmpty()) {
                throw new ConfigException("Pass --candidates FILE[,FILE...], track CSVs with audio features such as "
                        + "../shared/data/spotify_songs.csv: the configuration (" + config.origin() + ") names no "
                        + "dataset pool (candidates.source = dataset, candidates.path = ...).");
            }
            files = config.component("candidate source", "dataset", "candidates.", Map.of("path",
                    config.get("candidates.path").orElseThrow()), java.util.Set.of()).getPaths("path");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new DataException("Candidate CSV not found: " + f.toAbsolutePath() + (files.size() > 1
                        ? " (one of " + files.size() + " files)" : "") + ". Pass --candidates FILE[,FILE...], track "
                        + "CSVs with audio features such as ../shared/data/spotify_songs.csv.");
            }
        }
        return files;
    }

    static Instant parse(String text) {
        try {
            return text.length() <= 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant() : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConfigException("--split-at '" + text + "' is not a date (2024-01-01) or an instant "
                    + "(2024-01-01T00:00:00Z).");
        }
    }
}
