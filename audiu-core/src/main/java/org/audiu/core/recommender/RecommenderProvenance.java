package org.audiu.core.recommender;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * How a trained recommender was made, saved with it.
 *
 * @param components      component names by config key ({@code model -> random-forest}, {@code library.source},
 *                        {@code features}, {@code listener-features}, ...)
 * @param seed            the global seed
 * @param libraryTracks   distinct tracks in the listener's library
 * @param likedExamples   positive training rows (library tracks with features)
 * @param negativeExamples negative training rows sampled from the pool
 * @param poolSeen        candidates outside the library seen while sampling
 * @param holdoutAuc      ROC AUC on the held-out rows (NaN without a holdout)
 * @param versions        library versions ({@code audiu-core -> 0.1.0-SNAPSHOT}, the model's own)
 * @param trainedAt       when training finished
 */
public record RecommenderProvenance(Map<String, String> components, long seed, int libraryTracks, int likedExamples,
                                    int negativeExamples, long poolSeen, double holdoutAuc,
                                    Map<String, String> versions, Instant trainedAt) {
    public RecommenderProvenance {
        components = Map.copyOf(Objects.requireNonNull(components, "components"));
        versions = Map.copyOf(Objects.requireNonNull(versions, "versions"));
        Objects.requireNonNull(trainedAt, "trainedAt");
    }
}
