package org.audiu.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Recommendation;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.dataset.CsvDatasetReader;
import org.audiu.core.dataset.CsvReadOptions;
import org.audiu.core.dataset.DatasetFactories;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.discovery.DiscoverySettings;
import org.audiu.core.discovery.DiscoveryStage;
import org.audiu.core.engine.PreferenceTraining;
import org.audiu.core.engine.PreparedListener;
import org.audiu.core.engine.RecommendationEngine;
import org.audiu.core.engine.RecommendationResult;
import org.audiu.core.engine.RunReport;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.recommender.RecommenderFiles;
import org.audiu.core.recommender.TrainedRecommender;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audiu recommend}: runs the whole pipeline and prints recommendations. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Learn the listener's taste and recommend tracks from the candidate pool.")
public final class RecommendCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = {"-n", "--limit"}, paramLabel = "N",
            description = "Number of recommendations (overrides 'recommendations' in the config).")
    Integer limit;

    @Option(names = "--recommender", paramLabel = "FILE",
            description = {"Rank the configured candidate pool with a recommender saved by 'audiu train --out FILE', "
                + "without retraining (the same config and seed give the same list as a fresh run)."})
    Path recommenderFile;

    @Option(names = "--history", paramLabel = "PATH",
            description = {"Learn from a listening-history export as well as the configured library: the zip as "
                + "downloaded, its folder, or one file (Spotify account data with its saved tracks, playlists and "
                + "bans, extended streaming history, a ListenBrainz listens export, Last.fm scrobbles as CSV). It is "
                + "merged with the configured library (with library.source = listening-history it stands in for "
                + "library.path). Plays, saved tracks and playlist items are matched to the candidate pool; the "
                + "read and match reports go to standard error."})
    Path history;

    @Option(names = "--ranker", paramLabel = "FILE",
            description = {"Rank with the two-stage recommender: the retrievers (two-stage.retrievers) propose "
                + "candidates from the configured dataset pool and this ranker, saved by 'audiu ranker train', orders "
                + "them (default: two-stage.ranker-file; without either, the single-stage engine ranks)."})
    Path rankerFile;

    @Option(names = "--playlist", paramLabel = "NAME",
            description = "Name of the playlist the configured 'sink' writes (default: audiU recommendations).")
    String playlistName;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AudiuConfig config = options.loadConfig();
        if (limit != null) {
            if (limit < 1) {
                throw new org.audiu.core.config.ConfigException("--limit must be at least 1, got " + limit);
            }
            config = config.with(java.util.Map.of("recommendations", Integer.toString(limit)));
        }
        long start = System.nanoTime();
        Plugins plugins = Plugins.fromClasspath();
        RecommendationEngine engine = RecommendationEngine.fromConfig(config, plugins,
                ConsoleProgress.to(spec.commandLine().getErr()));
        var sink = RecommendationEngine.playlistSink(config, plugins);
        HistoryOption.Loaded fromHistory = null;
        if (history != null) {
            if (recommenderFile != null) {
                throw new org.audiu.core.config.ConfigException("--history trains a new recommender; it cannot be "
                        + "combined with --recommender FILE (which ranks with a saved one). Give one of them.");
            }
            fromHistory = HistoryOption.engineFor(history, engine, spec.commandLine().getErr());
            engine = fromHistory.engine();
        }
        RecommendationResult result;
        DiscoverySettings discovery = DiscoverySettings.from(config);
        String stage = null;
        Path ranker = TwoStageEngine.rankerFile(config, rankerFile).orElse(null);
        // The two-stage recommender's listener-independent part (the ranker file, the pool laid out for retrieval,
        // the audio kernel) is loaded beside the single-stage engine's training, on a thread of its own.
        TwoStageCli.Loading twoStage = ranker == null ? null : TwoStageCli.loading(config, ranker, engine);
        ListenerLibrary library = null;
        if (recommenderFile == null && ranker == null && discovery.enabled() && discovery.stageOneDepth() == 0) {
            // The discovery ranker sees none of the single-stage engine's list: train that engine only when the
            // ranker cannot learn from this library.
            ListenerLibrary loaded = engine.librarySource().load();
            Discovered discovered = discover(config, plugins, engine, discovery, loaded);
            if (discovered.ranked() != null) {
                return print(discovered.ranked().recommendations(), null, discovered.stage(), null, false,
                        fromHistory, sink, start);
            }
            result = engine.recommend(engine.prepare());
            stage = discovered.stage();
        } else if (recommenderFile == null) {
            PreparedListener prepared = engine.prepare();
            library = prepared.library();
            result = engine.recommend(prepared);
            if (discovery.enabled()) {
                Discovered discovered = discover(config, plugins, engine, discovery, prepared.library());
                stage = discovered.stage();
                if (discovered.ranked() != null) {
                    result = new RecommendationResult(discovered.ranked().recommendations(), result.recommender(),
                            result.report());
                }
            }
        } else {
            TrainedRecommender saved = RecommenderFiles.load(recommenderFile);
            warnIfTrainedOtherwise(saved, engine, spec.commandLine().getErr());
            result = engine.recommendWith(saved);
        }
        String engineLine;
        if (ranker != null) {
            TwoStageCli.Ranked ranked = TwoStageCli.recommend(twoStage.get(), result,
                    library != null ? library : engine.prepare().library());
            engineLine = ranked.engine();
            result = ranked.result();
        } else {
            engineLine = TwoStageEngine.SINGLE_STAGE;
        }
        return print(result.recommendations(), result.report(), stage, engineLine, ranker != null, fromHistory, sink,
                start);
    }

    /**
     * Writes the list to the sink (when configured) and prints it; {@code report} is the single-stage engine's run
     * (null when the discovery ranker ranked without it), {@code engineLine} which engine ranked (null: the
     * discovery ranker's {@code stage} says it); {@code byRanker}: the two-stage ranker's scores, not the model's.
     */
    private int print(List<Recommendation> recommendations, RunReport report, String stage, String engineLine,
                      boolean byRanker, HistoryOption.Loaded fromHistory,
                      java.util.Optional<org.audiu.core.spi.sink.PlaylistSink> sink,
                      long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (sink.isPresent()) {
            String where = sink.get().write(playlistName == null ? "audiU recommendations" : playlistName,
                    recommendations);
            spec.commandLine().getErr().println("wrote " + recommendations.size() + " recommendations to " + where);
        }
        if (options.json()) {
            out.println(Json.write(Json.recommendations(recommendations)));
        } else if (report == null) {
            printRows(out, recommendations);
            out.println();
            out.printf(Locale.ROOT, "score: the discovery ranker's probability that you go on to play the track; "
                    + "%.1f s%n", seconds);
            out.println("ranker: " + stage);
            if (fromHistory != null) {
                out.println(HistoryOption.brought(fromHistory.history()));
            }
        } else {
            printTable(out, recommendations, report, seconds, byRanker);
            if (engineLine != null) {
                out.println("engine: " + engineLine);
            }
            if (stage != null) {
                out.println("ranker: " + stage);
            }
            if (fromHistory != null) {
                out.println(HistoryOption.brought(fromHistory.history()));
            }
        }
        out.flush();
        return 0;
    }

    /** What ranked (a line for the report) and the ranker's list (null when it could not learn). */
    private record Discovered(String stage, DiscoveryStage.Ranked ranked) {
    }

    /**
     * {@code ranker = discovery}: the ranker learned from the listener's own history ranks the configured dataset
     * pool; says what ranked ("two-stage ..." or "single-stage: why").
     */
    private static Discovered discover(AudiuConfig config, Plugins plugins, RecommendationEngine engine,
                                       DiscoverySettings discovery, ListenerLibrary library) {
        if (library.playHistory().isEmpty()) {
            return new Discovered("single-stage: ranker = discovery needs a listening history (--history or "
                    + "library.source = listening-history), and this library has none", null);
        }
        List<Path> files = EvaluateHistoryCommand.candidateFiles(config, null);
        // The engine's dataset pool has read these files already (to match the history): rank over the same rows.
        TrackDataset pool = engine.candidates() instanceof DatasetFactories.DatasetCandidateSource dataset
                && dataset.dataset().sources().equals(files) ? dataset.dataset()
                : new CsvDatasetReader(CsvReadOptions.defaults()).read(files);
        DiscoveryStage.Ranked ranked = DiscoveryStage.recommend(DiscoveryStage.ranker(new EvaluationCatalogue(pool),
                discovery, plugins, config.seed()), engine, library, engine.settings().recommendations());
        if (!ranked.result().ranks()) {
            return new Discovered("single-stage: the discovery ranker cannot learn from this history ("
                    + ranked.result().fallbackReason() + ")", null);
        }
        return new Discovered("two-stage (discovery ranker learned from " + ranked.result().positives()
                + " songs first played in the last " + Math.round((1 - discovery.innerSplit()) * 100)
                + "% of the history, against " + ranked.result().negatives() + " other tracks)", ranked);
    }

    /** The saved recommender decides the model; say so when the configuration names other components. */
    private static void warnIfTrainedOtherwise(TrainedRecommender saved, RecommendationEngine engine,
                                               PrintWriter err) {
        Map<String, String> trained = saved.provenance().components();
        for (Map.Entry<String, String> e : engine.componentNames().entrySet()) {
            String was = trained.get(e.getKey());
            if (was != null && !was.equals(e.getValue()) && !e.getKey().equals("candidates.source")) {
                err.println("note: the recommender was trained with " + e.getKey() + " = " + was + "; the "
                        + "configuration says " + e.getValue() + ". The saved recommender is used as trained.");
            }
        }
    }

    static void printTable(PrintWriter out, List<Recommendation> recs, RunReport rep, double seconds,
                           boolean byRanker) {
        printRows(out, recs);
        out.println();
        if (byRanker) {
            out.println("score: the two-stage ranker's score (a learned ranking margin: higher ranks first; not a "
                    + "probability); the model line below is the per-listener model it takes as a feature");
        } else {
            printModelScoreNote(out);
        }
        printModelLine(out, rep, seconds);
    }

    private static void printModelScoreNote(PrintWriter out) {
        out.println("score: the log-odds of the 0..1 preference score (the model's probability that you like the track, "
                + "blended with its artist's share of your library): 0 is 0.5, 4.6 is 0.99, 6.9 is 0.999; --json "
                + "gives the 0..1 score as \"score\" and this as \"rankingScore\"");
    }

    private static void printModelLine(PrintWriter out, RunReport rep, double seconds) {
        out.printf(Locale.ROOT, "model %s on %d liked tracks vs %d sampled (%s); pool %d tracks; %.1f s%n",
                rep.components().get("model"), rep.likedExamples(), rep.negativeExamples(),
                Double.isNaN(rep.holdoutAuc()) ? "no held-out AUC: too few liked tracks to hold "
                        + PreferenceTraining.MIN_HELD_OUT_LIKED + " out"
                        : String.format(Locale.ROOT, "held-out AUC %.3f", rep.holdoutAuc()),
                rep.poolSize(), seconds);
        if (!rep.droppedSignals().isEmpty()) {
            out.println("preference signals without data (dropped, weights renormalised): " + rep.droppedSignals());
        }
        if (!rep.libraryMissingIds().isEmpty()) {
            out.println(rep.libraryMissingIds().size() + " library tracks had no features in any provider: "
                    + rep.libraryMissingIds().stream().limit(5).toList());
        }
    }

    /** The numbered list with each track's reasons. */
    static void printRows(PrintWriter out, List<Recommendation> recs) {
        out.printf(Locale.ROOT, "%-3s %-6s %-30s %-24s %-12s %s%n", "#", "score", "track", "artists", "genre",
                "why");
        int decimals = decimalsToOrder(recs);
        for (int i = 0; i < recs.size(); i++) {
            Recommendation r = recs.get(i);
            out.printf(Locale.ROOT, "%-3d %-6s %-30s %-24s %-12s %s%n", i + 1,
                    String.format(Locale.ROOT, "%." + decimals + "f", r.rankingScore()), cut(r.track().name(), 30),
                    cut(r.track().artistsText(), 24), cut(r.track().genre().orElse(""), 12),
                    r.reasons().isEmpty() ? "" : r.reasons().get(0));
            for (int k = 1; k < r.reasons().size() - 1; k++) {
                out.printf(Locale.ROOT, "%-81s %s%n", "", r.reasons().get(k));
            }
        }
    }

    /**
     * The fewest decimals (2 to 6) that print every two neighbouring ranking scores that differ differently, so the
     * column orders the list as the ranking does (scores blended with the artist-share prior lie close together).
     */
    static int decimalsToOrder(List<Recommendation> recs) {
        for (int d = 2; d < 6; d++) {
            boolean apart = true;
            for (int i = 1; i < recs.size() && apart; i++) {
                double a = recs.get(i - 1).rankingScore();
                double b = recs.get(i).rankingScore();
                apart = a == b || !String.format(Locale.ROOT, "%." + d + "f", a)
                        .equals(String.format(Locale.ROOT, "%." + d + "f", b));
            }
            if (apart) {
                return d;
            }
        }
        return 6;
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
