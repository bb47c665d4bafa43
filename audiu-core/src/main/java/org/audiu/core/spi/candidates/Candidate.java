package org.audiu.core.spi.candidates;

import java.util.Objects;
import java.util.Optional;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;

/**
 * A track offered for recommendation, with its features when the source already has them (a dataset row); when
 * absent the engine asks the feature-provider chain. {@code keys} are the track's {@link TrackKeys}: a source that
 * holds its tracks passes the ones it computed once per row; otherwise they are computed here.
 */
public record Candidate(Track track, Optional<FeatureVector> features, TrackKeys keys) {
    public Candidate {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(keys, "keys");
    }

    /** A candidate whose keys are computed from the track. */
    public Candidate(Track track, Optional<FeatureVector> features) {
        this(track, features, TrackKeys.of(track));
    }

    /** A candidate with its features and the keys its source computed once for the track ({@link TrackKeys#of}). */
    public static Candidate of(Track track, FeatureVector features, TrackKeys keys) {
        return new Candidate(track, Optional.of(features), keys);
    }

    public static Candidate of(Track track) {
        return new Candidate(track, Optional.empty());
    }

    public static Candidate of(Track track, FeatureVector features) {
        return new Candidate(track, Optional.of(features));
    }
}
