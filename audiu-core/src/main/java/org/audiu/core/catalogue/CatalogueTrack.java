package org.audiu.core.catalogue;

import java.util.Objects;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.TrackKeys;

/**
 * A track of a {@link Catalogue} with its features in the catalogue's schema (NaN marks a value no provider had).
 *
 * @param track    the track
 * @param features its features
 * @param keys     the track's {@link TrackKeys}, computed once: every ranking pass over the catalogue reuses them
 */
public record CatalogueTrack(Track track, FeatureVector features, TrackKeys keys) {
    public CatalogueTrack {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(keys, "keys");
    }

    public CatalogueTrack(Track track, FeatureVector features) {
        this(track, features, TrackKeys.of(track));
    }

    /** The track as a candidate, with its features and its keys. */
    public Candidate candidate() {
        return Candidate.of(track, features, keys);
    }

    /** The track's id. */
    public String id() {
        return track.id();
    }
}
