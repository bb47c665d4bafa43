package org.audiu.core.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;

/**
 * A distinct track of a dataset with its features, its label (first seen), the other labels its repeated rows gave
 * it and the playlists it appears in.
 *
 * @param otherLabels the distinct labels of the track's later rows that differ from {@code label}, in file order
 *                    (empty when the track has one label, as in most files)
 */
public record DatasetTrack(Track track, FeatureVector features, Optional<String> label, List<String> otherLabels,
                           List<String> playlistIds, long line) {
    public DatasetTrack {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(label, "label");
        otherLabels = List.copyOf(Objects.requireNonNull(otherLabels, "otherLabels"));
        playlistIds = List.copyOf(Objects.requireNonNull(playlistIds, "playlistIds"));
    }

    /** A track with a single label (or none). */
    public DatasetTrack(Track track, FeatureVector features, Optional<String> label, List<String> playlistIds,
                        long line) {
        this(track, features, label, List.of(), playlistIds, line);
    }

    /** Every label of the track: the first seen, then the others; empty when it has none. */
    public List<String> labels() {
        if (label.isEmpty()) {
            return List.of();
        }
        if (otherLabels.isEmpty()) {
            return List.of(label.get());
        }
        List<String> all = new ArrayList<>(1 + otherLabels.size());
        all.add(label.get());
        all.addAll(otherLabels);
        return List.copyOf(all);
    }

    /** The same track in other playlists. */
    public DatasetTrack withPlaylists(List<String> ids) {
        return new DatasetTrack(track, features, label, otherLabels, ids, line);
    }
}
