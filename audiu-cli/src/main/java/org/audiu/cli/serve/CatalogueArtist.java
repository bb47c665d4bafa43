package org.audiu.cli.serve;

import java.util.List;
import java.util.Objects;

/** An artist of the catalogue (as spelled on its first track) with the ids of its tracks, in catalogue order. */
public record CatalogueArtist(String name, List<String> trackIds) {
    public CatalogueArtist {
        Objects.requireNonNull(name, "name");
        trackIds = List.copyOf(Objects.requireNonNull(trackIds, "trackIds"));
    }
}
