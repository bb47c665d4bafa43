package org.audiu.core.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * An artist of a {@link Catalogue} (as spelled on its first track) with the ids of its tracks, in catalogue order.
 *
 * @param name     the artist's name
 * @param trackIds the ids of the artist's tracks (copied)
 */
public record CatalogueArtist(String name, List<String> trackIds) {
    public CatalogueArtist {
        Objects.requireNonNull(name, "name");
        trackIds = List.copyOf(Objects.requireNonNull(trackIds, "trackIds"));
    }
}
