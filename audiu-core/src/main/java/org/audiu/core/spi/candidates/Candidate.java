package org.audiu.core.spi.candidates;

import java.util.Objects;
import java.util.Optional;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;

/**
 * A track offered for recommendation, with its features when the source already has them (a dataset row); when
 * absent the engine asks the feature-provider chain.
 */
public record Candidate(Track track, Optional<FeatureVector> features) {
    public Candidate {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(features, "features");
    }

    public static Candidate of(Track track) {
        return new Candidate(track, Optional.empty());
    }

    public static Candidate of(Track track, FeatureVector features) {
        return new Candidate(track, Optional.of(features));
    }
}
