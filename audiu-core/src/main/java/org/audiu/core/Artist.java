package org.audiu.core;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An artist. {@code genres} is deprecated by Spotify and often empty; {@code popularity} is absent for apps in
 * development mode since February 2026.
 */
public record Artist(String id, String name, List<String> genres, OptionalDouble popularity) {
    public Artist {
        Objects.requireNonNull(name, "name");
        id = id == null ? "" : id;
        genres = List.copyOf(Objects.requireNonNull(genres, "genres"));
        popularity = Objects.requireNonNull(popularity, "popularity");
    }

    public static Artist named(String name) {
        return new Artist("", name, List.of(), OptionalDouble.empty());
    }
}
