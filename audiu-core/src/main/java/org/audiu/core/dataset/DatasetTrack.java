package org.audiu.core.dataset;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;

/**
 * A distinct track of a dataset with its features, its label (first seen) and the playlists it appears in.
 */
public record DatasetTrack(Track track, FeatureVector features, Optional<String> label, List<String> playlistIds,
                           long line) {
    public DatasetTrack {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(label, "label");
        playlistIds = List.copyOf(Objects.requireNonNull(playlistIds, "playlistIds"));
    }
}
