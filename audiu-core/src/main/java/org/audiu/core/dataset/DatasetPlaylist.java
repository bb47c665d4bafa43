package org.audiu.core.dataset;

import java.util.List;
import java.util.Objects;

/** A playlist described by a dataset (one row per playlist and track). */
public record DatasetPlaylist(String id, String name, String genre, List<String> trackIds) {
    public DatasetPlaylist {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        genre = genre == null ? "" : genre;
        trackIds = List.copyOf(Objects.requireNonNull(trackIds, "trackIds"));
    }
}
