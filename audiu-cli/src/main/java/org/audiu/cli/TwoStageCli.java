package org.audiu.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.eval.playlist.ContinuationReport;
import org.audiu.core.eval.playlist.EngineMethod;
import org.audiu.core.eval.playlist.EvaluationCatalogue;
import org.audiu.core.eval.playlist.PlaylistContinuation;
import org.audiu.core.twostage.TwoStageCatalogue;
import org.audiu.core.twostage.TwoStageMethod;
import org.audiu.core.twostage.TwoStageSettings;
import org.audiu.models.ranking.RankerFile;
import org.audiu.models.ranking.XGBoostRankerTrainer;
import java.nio.file.Path;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Recommendation;
import org.audiu.core.config.ConfigException;
import org.audiu.core.dataset.TrackDataset;
import org.audiu.core.engine.RecommendationResult;
import org.audiu.core.recommender.TrainedRecommender;
import org.audiu.core.twostage.TwoStageRecommender;

/** The two-stage recommender in the CLI's evaluations: building it from the configuration, reporting stage 1. */
final class TwoStageCli {
    private TwoStageCli() {
    }

    /** The k-fold two-stage method of {@code audiu evaluate playlists}, every two-stage.* key checked. */
    static TwoStageMethod method(AudiuConfig config, EngineMethod audiu, EvaluationCatalogue catalogue,
                                 PlaylistContinuation benchmark, int threads) {
        TwoStageSettings settings = TwoStageSettings.from(config);
        XGBoostRankerTrainer trainer = XGBoostRankerTrainer.fromConfig(settings.rankerParameters());
        return new TwoStageMethod(audiu, new TwoStageCatalogue(catalogue), benchmark, settings, trainer, threads);
    }

    /** What ranked and its result. */
    record Ranked(String engine, RecommendationResult result) {
    }

    /** A {@link TwoStageEngine} being loaded on a thread of its own. */
    static final class Loading {
        private final java.util.concurrent.CompletableFuture<TwoStageEngine> future;

        private Loading(java.util.concurrent.CompletableFuture<TwoStageEngine> future) {
            this.future = future;
        }

        /** The loaded engine; a loading failure (a bad ranker file, say) is thrown here as it was thrown. */
        TwoStageEngine get() {
            try {
                return future.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
    }

    /**
     * Starts loading the two-stage recommender over the configured dataset pool, on a daemon thread: the ranker
     * file, the pool (the engine's own rows when its candidate source has read the same files) and what the
     * retrievers keep per pool. Nothing of it depends on the listener, so the single-stage engine trains meanwhile.
     */
    static Loading loading(AudiuConfig config, Path rankerFile, org.audiu.core.engine.RecommendationEngine engine) {
        java.util.concurrent.CompletableFuture<TwoStageEngine> future = new java.util.concurrent.CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                TrackDataset pool = engine.candidates()
                        instanceof org.audiu.core.dataset.DatasetFactories.DatasetCandidateSource dataset
                        ? dataset.dataset() : null;
                TwoStageEngine loaded = TwoStageEngine.load(config, rankerFile, pool);
                loaded.warmUp();
                future.complete(loaded);
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "audiu-two-stage-load");
        loader.setDaemon(true);
        loader.start();
        return new Loading(future);
    }

    /**
     * The two-stage recommender's list ({@link TwoStageEngine}): the single-stage result's trained recommender
     * scores every pool track (the per-listener model's column), the retrievers propose candidates, the saved
     * ranker orders them under the engine's artist cap.
     */
    static Ranked recommend(TwoStageEngine engine, RecommendationResult singleStage, ListenerLibrary library) {
        TrainedRecommender own = singleStage.recommender();
        List<Recommendation> recs = engine.recommend(own, library, singleStage.recommendations().size());
        String trainedBeside = own.provenance().components().get("two-stage.ranker");
        String mismatch = trainedBeside == null || trainedBeside.endsWith(engine.rankerChecksum()) ? ""
                : "; note: the recommender was trained beside another ranker, " + trainedBeside;
        String line = engine.engine();
        return new Ranked(line.substring(0, line.length() - 1) + mismatch + ")",
                new RecommendationResult(recs, own, singleStage.report()));
    }

    /** The {@code two-stage} method with the configured ranker file, when a ranker file is configured. */
    static java.util.Optional<org.audiu.core.eval.playlist.ContinuationMethod> savedRankerMethod(AudiuConfig config,
            org.audiu.core.plugin.Plugins plugins, EvaluationCatalogue catalogue) {
        if (!TwoStageSettings.configured(config)) {
            return java.util.Optional.empty();
        }
        TwoStageSettings settings = TwoStageSettings.from(config);
        if (settings.rankerFile().isEmpty()) {
            return java.util.Optional.empty();
        }
        RankerFile.Loaded loaded = RankerFile.read(settings.rankerFile().get());
        TwoStageCatalogue positions = new TwoStageCatalogue(catalogue);
        TwoStageRecommender recommender;
        try {
            recommender = new TwoStageRecommender(positions, settings, loaded.ranker());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        EngineMethod single = new EngineMethod("two-stage's own model", config, plugins, catalogue);
        return java.util.Optional.of(new org.audiu.core.twostage.SavedRankerMethod(TwoStageMethod.NAME, single,
                recommender, positions));
    }

    /** Moves the two-stage lists out of the JSON's baselines into their own {@code two-stage} object. */
    @SuppressWarnings("unchecked")
    static void moveTwoStage(Map<String, Object> json, ContinuationReport report) {
        Map<String, Object> baselines = (Map<String, Object>) json.get("baselines");
        Map<String, Object> twoStage = new LinkedHashMap<>();
        for (String name : List.copyOf(baselines.keySet())) {
            if (name.equals(TwoStageMethod.NAME) || name.startsWith(TwoStageMethod.NAME + "@")) {
                twoStage.put(name, baselines.remove(name));
            }
        }
        json.put("two-stage", twoStage);
    }

    static void printRetrieval(PrintWriter out, Map<String, Object> report) {
        out.printf(Locale.ROOT, "two-stage: stage 1 recall %s (without the listener's model %s), %s candidates on "
                        + "average (at most %s), retrievers %s, %s folds%n", fmt(report.get("retrieval-recall")),
                fmt(report.get("retrieval-recall.no-listener-model")), fmt(report.get("mean-candidates")),
                report.get("candidates"), report.get("retrievers"), report.get("folds"));
    }

    private static String fmt(Object o) {
        return o instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : String.valueOf(o);
    }
}
