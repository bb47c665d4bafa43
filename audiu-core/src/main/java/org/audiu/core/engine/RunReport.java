package org.audiu.core.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run did: sizes, what was missing, how good the model was on held-out tracks, and how long each stage took.
 *
 * @param components            component names by config key ("model" → "random-forest")
 * @param libraryTracks         distinct tracks in the library
 * @param libraryWithFeatures   of those, tracks with features
 * @param libraryMissingIds     library tracks no feature provider knew (reported, not dropped silently)
 * @param poolSize              candidates offered, library tracks excluded
 * @param poolMissingFeatures   candidates skipped because no provider knew their features
 * @param likedExamples         positive training rows
 * @param negativeExamples      negative training rows sampled from the pool
 * @param holdoutAuc            ROC AUC of liked vs. sampled tracks on the held-out rows (NaN without a holdout)
 * @param preferenceWeights     effective preference-signal weights
 * @param droppedSignals        preference signals without data in this library
 * @param featuresByProvider    tracks supplied by each feature provider
 * @param stageMillis           wall time per stage
 */
public record RunReport(Map<String, String> components, int libraryTracks, int libraryWithFeatures,
                        List<String> libraryMissingIds, long poolSize, long poolMissingFeatures, int likedExamples,
                        int negativeExamples, double holdoutAuc, Map<String, Double> preferenceWeights,
                        List<String> droppedSignals, Map<String, Integer> featuresByProvider,
                        Map<String, Long> stageMillis) {
    public RunReport {
        components = Map.copyOf(Objects.requireNonNull(components));
        libraryMissingIds = List.copyOf(libraryMissingIds);
        preferenceWeights = Map.copyOf(preferenceWeights);
        droppedSignals = List.copyOf(droppedSignals);
        featuresByProvider = Map.copyOf(featuresByProvider);
        stageMillis = Map.copyOf(stageMillis);
    }
}
