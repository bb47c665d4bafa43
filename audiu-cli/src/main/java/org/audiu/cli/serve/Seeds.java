package org.audiu.cli.serve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.audiu.core.catalogue.Catalogue;
import org.audiu.core.catalogue.CatalogueArtist;
import org.audiu.core.catalogue.CataloguePlaylist;
import org.audiu.core.catalogue.CatalogueTrack;

/**
 * What a visitor picked: tracks, artists (all their tracks count) and at most one playlist (all its tracks count).
 */
public record Seeds(List<CatalogueTrack> tracks, List<CatalogueArtist> artists, Optional<CataloguePlaylist> playlist) {
    public Seeds {
        tracks = List.copyOf(Objects.requireNonNull(tracks, "tracks"));
        artists = List.copyOf(Objects.requireNonNull(artists, "artists"));
        Objects.requireNonNull(playlist, "playlist");
    }

    public boolean isEmpty() {
        return tracks.isEmpty() && artists.isEmpty() && playlist.isEmpty();
    }

    /**
     * The distinct track ids the seeds stand for: the tracks, then the artists' tracks, then the playlist's, at most
     * {@code max}.
     */
    public List<String> trackIds(int max) {
        Set<String> ids = new LinkedHashSet<>();
        tracks.forEach(t -> ids.add(t.id()));
        artists.forEach(a -> ids.addAll(a.trackIds()));
        playlist.ifPresent(p -> ids.addAll(p.trackIds()));
        List<String> out = new ArrayList<>(ids);
        return out.size() <= max ? out : List.copyOf(out.subList(0, max));
    }

    /** A canonical key: the same seeds in any order give the same key (for caching). */
    public String key() {
        return tracks.stream().map(CatalogueTrack::id).sorted().collect(Collectors.joining(","))
                + "|" + artists.stream().map(a -> Catalogue.artistKey(a.name())).sorted()
                        .collect(Collectors.joining("\u0000"))
                + "|" + playlist.map(CataloguePlaylist::id).orElse("");
    }
}
