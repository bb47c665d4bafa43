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
import org.audiu.core.eval.history.HistoryEvaluation;
import org.audiu.core.eval.history.HistoryEvaluationReport;
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
    @Mixin
    CommonOptions options;

    @Option(names = "--data", paramLabel = "PATH", required = true,
            description = "The listening-history export: zip, folder or one file (any supported format).")
    Path data;

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
        ListeningHistory history = new HistoryReader().read(data);
        EvaluationCatalogue catalogue = new EvaluationCatalogue(new CsvDatasetReader(CsvReadOptions.defaults())
                .read(candidates));
        Instant split = splitAt == null ? HistoryEvaluation.defaultSplit(history) : parse(splitAt);
        HistoryEvaluation evaluation = new HistoryEvaluation(catalogue);
        HistorySplit s = evaluation.split(history, split, config.seed());
        List<ContinuationMethod> methods = new ArrayList<>();
        methods.add(new EngineMethod("audiu", config, Plugins.fromClasspath(), catalogue));
        methods.add(Baselines.popularity(catalogue));
        methods.add(Baselines.sameArtist(catalogue));
        methods.add(Baselines.artistShare(catalogue));
        HistoryEvaluationReport report = evaluation.run(s, methods, k);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("history", data.toString());
            json.put("candidates", candidates.stream().map(Path::toString).toList());
            json.put("splitAt", report.splitAt().toString());
            json.put("playsBefore", report.playsBefore());
            json.put("playsAfter", report.playsAfter());
            json.put("trainTracks", report.trainTracks());
            json.put("targets", report.targets());
            json.put("k", k);
            json.put("read", history.report().summary());
            json.put("match", report.trainMatch().summary());
            Map<String, Object> methodsJson = new LinkedHashMap<>();
            report.methods().forEach((name, m) -> methodsJson.put(name, Map.of("recall", m.recall(), "ndcg",
                    m.ndcg(), "hitRate", m.hitRate())));
            json.put("methods", methodsJson);
            json.put("seconds", seconds);
            out.println(Json.write(json));
        } else {
            PrintWriter err = spec.commandLine().getErr();
            err.println(history.report().summary());
            err.println(report.trainMatch().summary());
            out.printf(Locale.ROOT, "split at %s: %d plays before, %d after; %d played tracks in the catalogue before, "
                    + "%d tracks first played after (the targets)%n", report.splitAt(), report.playsBefore(),
                    report.playsAfter(), report.trainTracks(), report.targets());
            out.printf(Locale.ROOT, "%-14s %10s %10s %10s%n", "method", "recall@" + k, "ndcg@" + k, "hit@" + k);
            for (Map.Entry<String, RankingMetrics> e : report.methods().entrySet()) {
                out.printf(Locale.ROOT, "%-14s %10.4f %10.4f %10.4f%n", e.getKey(), e.getValue().recall(),
                        e.getValue().ndcg(), e.getValue().hitRate());
            }
            out.printf(Locale.ROOT, "%.1f s%n", seconds);
        }
        out.flush();
        return 0;
    }

    /** The --candidates files, or the configured pool's; each one must exist (the error names it). */
    private List<Path> candidateFiles(AudiuConfig config) {
        List<Path> files = candidates;
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
