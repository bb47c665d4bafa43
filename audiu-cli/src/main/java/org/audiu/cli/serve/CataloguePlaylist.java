package org.audiu.cli.serve;

import java.util.List;
import java.util.Objects;

/** A playlist a visitor can use as seeds: a dataset playlist, or one of the demo listener's. */
public record CataloguePlaylist(String id, String name, List<String> trackIds) {
    public CataloguePlaylist {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        trackIds = List.copyOf(Objects.requireNonNull(trackIds, "trackIds"));
    }
}
