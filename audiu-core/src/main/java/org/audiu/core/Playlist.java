package org.audiu.core;

import java.util.List;
import java.util.Objects;

/**
 * A playlist of the listener.
 *
 * @param owned whether the listener owns or collaborates on it (Spotify only lets apps read those since 2026)
 */
public record Playlist(String id, String name, boolean owned, List<PlaylistItem> items) {
    public Playlist {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }
}
