package org.audiu.core.recommender;

import java.util.Objects;
import org.audiu.core.Track;

/**
 * A candidate with its features, laid out in the recommender's base schema
 * ({@link TrainedRecommender#baseSchema()}); NaN marks a missing value.
 *
 * @param features shared, not copied: do not modify it after handing it over
 */
public record CandidateRow(Track track, double[] features) {
    public CandidateRow {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(features, "features");
    }
}
