package org.audiu.core;

import java.util.List;
import java.util.Objects;

/**
 * A recommended track with the model's score (higher is better, 0..1 for probabilistic models) and
 * human-readable reasons, most telling first.
 */
public record Recommendation(Track track, double score, List<String> reasons) {
    public Recommendation {
        Objects.requireNonNull(track, "track");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("Recommendation score is NaN for track " + track.id());
        }
    }
}
