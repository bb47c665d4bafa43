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
import org.audiu.models.ranking.XGBoostRankerTrainer;

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
