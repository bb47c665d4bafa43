package org.audiu.core.recommender;

import java.util.Objects;
import org.audiu.core.spi.candidates.TrackKeys;
import org.audiu.core.Track;

/**
 * A candidate with its features, laid out in the recommender's base schema
 * ({@link TrainedRecommender#baseSchema()}); NaN marks a missing value.
 *
 * @param features shared, not copied: do not modify it after handing it over
 * @param keys     the track's {@link TrackKeys}, as its source computed them once for it
 */
public record CandidateRow(Track track, double[] features, TrackKeys keys) {
    public CandidateRow {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(keys, "keys");
    }

    /** A row whose keys are computed here from the track. */
    public CandidateRow(Track track, double[] features) {
        this(track, features, TrackKeys.of(track));
    }
}
