package org.audiu.cli.serve;

import java.util.Objects;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;

/**
 * A track of the served catalogue with its features in the catalogue's schema (NaN marks a value no provider had).
 */
public record CatalogueTrack(Track track, FeatureVector features) {
    public CatalogueTrack {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(features, "features");
    }

    public String id() {
        return track.id();
    }
}
