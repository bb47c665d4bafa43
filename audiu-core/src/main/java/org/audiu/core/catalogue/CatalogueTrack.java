package org.audiu.core.catalogue;

import java.util.Objects;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;

/**
 * A track of a {@link Catalogue} with its features in the catalogue's schema (NaN marks a value no provider had).
 *
 * @param track    the track
 * @param features its features
 */
public record CatalogueTrack(Track track, FeatureVector features) {
    public CatalogueTrack {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(features, "features");
    }

    /** The track's id. */
    public String id() {
        return track.id();
    }
}
