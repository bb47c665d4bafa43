package org.audiu.core.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * A playlist of a {@link Catalogue}: one of a CSV dataset's playlists, or one of the demo listener's.
 *
 * @param id       the playlist id
 * @param name     its name for people; blank or null becomes the id
 * @param trackIds the ids of its tracks, in playlist order (copied)
 */
public record CataloguePlaylist(String id, String name, List<String> trackIds) {
    public CataloguePlaylist {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        trackIds = List.copyOf(Objects.requireNonNull(trackIds, "trackIds"));
    }
}
