package org.audiu.spotify.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.audiu.core.Artist;
import org.audiu.core.Track;
import se.michaelthelin.spotify.model_objects.specification.AlbumSimplified;
import se.michaelthelin.spotify.model_objects.specification.ArtistSimplified;

/**
 * Maps spotify-web-api-java's objects to audiU's. Fields Spotify dropped for development-mode apps in 2026
 * ({@code popularity}) or deprecated ({@code genres}) become empty, never zero.
 */
public final class TrackMapper {
    private TrackMapper() {
    }

    /** A playable catalogue track; empty for null, local files and tracks without id. */
    public static Optional<Track> track(se.michaelthelin.spotify.model_objects.specification.Track t) {
        if (t == null || t.getId() == null || t.getId().isBlank()) {
            return Optional.empty();
        }
        List<String> artists = t.getArtists() == null ? List.of() : Arrays.stream(t.getArtists())
                .filter(Objects::nonNull).map(ArtistSimplified::getName).filter(Objects::nonNull).toList();
        AlbumSimplified album = t.getAlbum();
        String isrc = null;
        if (t.getExternalIds() != null) {
            Map<String, String> ids = t.getExternalIds().getExternalIds();
            isrc = ids == null ? null : ids.get("isrc");
        }
        return Optional.of(Track.builder(t.getId(), t.getName())
                .artists(artists)
                .album(album == null ? "" : album.getName())
                .releaseYear(album == null ? OptionalInt.empty() : year(album.getReleaseDate()))
                .durationMs(t.getDurationMs() == null ? 0 : Math.max(0, t.getDurationMs()))
                .explicit(Boolean.TRUE.equals(t.getIsExplicit()))
                .popularity(t.getPopularity() == null ? OptionalDouble.empty() : OptionalDouble.of(t.getPopularity()))
                .isrc(isrc)
                .build());
    }

    public static Optional<Artist> artist(se.michaelthelin.spotify.model_objects.specification.Artist a) {
        if (a == null || a.getName() == null) {
            return Optional.empty();
        }
        List<String> genres = a.getGenres() == null ? List.of()
                : Arrays.stream(a.getGenres()).filter(Objects::nonNull).toList();
        return Optional.of(new Artist(a.getId(), a.getName(), genres,
                a.getPopularity() == null ? OptionalDouble.empty() : OptionalDouble.of(a.getPopularity())));
    }

    /** The year of a release date in any precision ("1994", "1994-03", "1994-03-01"); "0000" counts as unknown. */
    static OptionalInt year(String releaseDate) {
        if (releaseDate == null || releaseDate.length() < 4) {
            return OptionalInt.empty();
        }
        try {
            int y = Integer.parseInt(releaseDate.substring(0, 4));
            return y > 0 ? OptionalInt.of(y) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
