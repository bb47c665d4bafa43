package org.audiu.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A track as audiU knows it. Fields that a source may not know (popularity was removed from Spotify's
 * development-mode API in 2026, ISRC and genre are source-specific) are optional.
 *
 * @param id          stable identifier, a Spotify track id where one exists
 * @param name        the title
 * @param artists     artist names, main artist first; never empty
 * @param album       album name, empty when unknown
 * @param releaseYear year of release, when known
 * @param durationMs  duration in milliseconds, 0 when unknown
 * @param explicit    whether the track is marked explicit
 * @param popularity  global popularity 0..100, when the source provides it
 * @param isrc        International Standard Recording Code, when known
 * @param genre       a genre label, when the source has one (datasets, the demo catalogue)
 */
public record Track(String id, String name, List<String> artists, String album, OptionalInt releaseYear,
                    long durationMs, boolean explicit, OptionalDouble popularity, Optional<String> isrc,
                    Optional<String> genre) {

    public Track {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Track id must not be blank (track name: " + name + ")");
        }
        name = name == null ? "" : name;
        artists = List.copyOf(Objects.requireNonNull(artists, "artists"));
        album = album == null ? "" : album;
        releaseYear = Objects.requireNonNull(releaseYear, "releaseYear");
        popularity = Objects.requireNonNull(popularity, "popularity");
        isrc = Objects.requireNonNull(isrc, "isrc");
        genre = Objects.requireNonNull(genre, "genre");
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must be >= 0 for track " + id + ", got " + durationMs);
        }
    }

    /** The main artist, or an empty string when the source named none. */
    public String mainArtist() {
        return artists.isEmpty() ? "" : artists.get(0);
    }

    /** Artists joined for display: {@code "A, B"}. */
    public String artistsText() {
        return String.join(", ", artists);
    }

    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    /** Builder for the many optional fields. */
    public static final class Builder {
        private final String id;
        private final String name;
        private List<String> artists = List.of();
        private String album = "";
        private OptionalInt releaseYear = OptionalInt.empty();
        private long durationMs;
        private boolean explicit;
        private OptionalDouble popularity = OptionalDouble.empty();
        private Optional<String> isrc = Optional.empty();
        private Optional<String> genre = Optional.empty();

        private Builder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public Builder artists(List<String> value) { this.artists = value; return this; }
        public Builder artists(String... value) { this.artists = List.of(value); return this; }
        public Builder album(String value) { this.album = value; return this; }
        public Builder releaseYear(int value) { this.releaseYear = OptionalInt.of(value); return this; }
        public Builder releaseYear(OptionalInt value) { this.releaseYear = value; return this; }
        public Builder durationMs(long value) { this.durationMs = value; return this; }
        public Builder explicit(boolean value) { this.explicit = value; return this; }
        public Builder popularity(double value) { this.popularity = OptionalDouble.of(value); return this; }
        public Builder popularity(OptionalDouble value) { this.popularity = value; return this; }
        public Builder isrc(String value) { this.isrc = Optional.ofNullable(value); return this; }
        public Builder genre(String value) { this.genre = Optional.ofNullable(value); return this; }

        public Track build() {
            return new Track(id, name, artists, album, releaseYear, durationMs, explicit, popularity, isrc, genre);
        }
    }
}
