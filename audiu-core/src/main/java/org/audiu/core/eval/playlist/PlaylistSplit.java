package org.audiu.core.eval.playlist;

import java.util.List;
import java.util.Objects;

/**
 * One playlist split for continuation: the visible tracks are the listener's library, the hidden ones what a good
 * recommender should find. Disjoint; together they are the playlist's unique tracks.
 */
public record PlaylistSplit(String playlistId, List<String> visible, List<String> hidden) {
    public PlaylistSplit {
        Objects.requireNonNull(playlistId, "playlistId");
        visible = List.copyOf(visible);
        hidden = List.copyOf(hidden);
        if (hidden.isEmpty() || visible.isEmpty()) {
            throw new IllegalArgumentException("Playlist " + playlistId + " split into " + visible.size()
                    + " visible and " + hidden.size() + " hidden tracks; both must be non-empty");
        }
        if (hidden.stream().anyMatch(visible::contains)) {
            throw new IllegalArgumentException("Playlist " + playlistId + ": a track is both visible and hidden");
        }
    }
}
