package org.audiu.core.spi.preference;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Preference scores of a library's tracks.
 *
 * @param scores           score in [0, 1] for every track of the library, by id
 * @param effectiveWeights the weights actually used, after dropping signals without data and renormalising
 * @param droppedSignals   signals that had no data in this library
 */
public record PreferenceScores(Map<String, Double> scores, Map<String, Double> effectiveWeights,
                               List<String> droppedSignals) {
    public PreferenceScores {
        scores = Map.copyOf(Objects.requireNonNull(scores, "scores"));
        effectiveWeights = Map.copyOf(Objects.requireNonNull(effectiveWeights, "effectiveWeights"));
        droppedSignals = List.copyOf(Objects.requireNonNull(droppedSignals, "droppedSignals"));
    }

    public double scoreOf(String trackId) {
        return scores.getOrDefault(trackId, 0.0);
    }
}
