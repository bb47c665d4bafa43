package org.audiu.core.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.audiu.core.DataException;
import org.audiu.core.FeatureSchema;
import org.audiu.core.FeatureVector;
import org.audiu.core.Track;
import org.audiu.core.spi.candidates.Candidate;
import org.audiu.core.spi.candidates.CandidateSource;
import org.audiu.core.spi.features.FeatureProvider;

/**
 * A catalogue of tracks held in memory, with its artists, playlists and genre labels: loaded once (see
 * {@link CatalogueLoader}: the configured candidate source, features resolved once through the configured feature
 * chain), then only read. It can stand in for the engine's candidate source and feature provider, and
 * {@link TrackSearch} searches it. Immutable and safe to share between threads.
 */
public final class Catalogue {
    private final String source;
    private final FeatureSchema schema;
    private final Map<String, CatalogueTrack> tracks;
    private final Map<String, CatalogueArtist> artistsByKey;
    private final Map<String, CataloguePlaylist> playlists;
    private final List<String> genres;

    /**
     * @param source    where the tracks came from, for people ("candidates.source = demo")
     * @param schema    the features of every track
     * @param tracks    distinct tracks (a repeated id keeps the first)
     * @param playlists playlists; track ids not in the catalogue are dropped, empty playlists left out
     * @throws DataException            when there is no track
     * @throws IllegalArgumentException when a track's features are not in {@code schema}
     */
    public Catalogue(String source, FeatureSchema schema, List<CatalogueTrack> tracks,
                     List<CataloguePlaylist> playlists) {
        this.source = Objects.requireNonNull(source, "source");
        this.schema = Objects.requireNonNull(schema, "schema");
        Map<String, CatalogueTrack> byId = new LinkedHashMap<>();
        Map<String, String> artistNames = new LinkedHashMap<>();
        Map<String, List<String>> artistTracks = new HashMap<>();
        TreeSet<String> genreSet = new TreeSet<>();
        for (CatalogueTrack t : tracks) {
            if (!t.features().schema().equals(schema)) {
                throw new IllegalArgumentException("Track " + t.id() + " has features " + t.features().schema()
                        + ", the catalogue's schema is " + schema);
            }
            if (byId.putIfAbsent(t.id(), t) != null) {
                continue;
            }
            for (String artist : t.track().artists()) {
                String key = artistKey(artist);
                if (!key.isEmpty()) {
                    artistNames.putIfAbsent(key, artist.trim());
                    artistTracks.computeIfAbsent(key, k -> new ArrayList<>()).add(t.id());
                }
            }
            t.track().genre().filter(g -> !g.isBlank()).ifPresent(genreSet::add);
        }
        if (byId.isEmpty()) {
            throw new DataException("The catalogue (" + source + ") has no track: there is nothing to search or"
                    + " recommend. Point 'candidates.source' at a catalogue with tracks.");
        }
        this.tracks = Collections.unmodifiableMap(byId);
        Map<String, CatalogueArtist> artists = new LinkedHashMap<>();
        artistNames.forEach((key, name) -> artists.put(key, new CatalogueArtist(name, artistTracks.get(key))));
        this.artistsByKey = Collections.unmodifiableMap(artists);
        Map<String, CataloguePlaylist> lists = new LinkedHashMap<>();
        for (CataloguePlaylist p : playlists) {
            List<String> known = p.trackIds().stream().filter(byId::containsKey).distinct().toList();
            if (!known.isEmpty()) {
                lists.putIfAbsent(p.id(), new CataloguePlaylist(p.id(), p.name(), known));
            }
        }
        this.playlists = Collections.unmodifiableMap(lists);
        this.genres = List.copyOf(genreSet);
    }

    /**
     * How artist names are compared: trimmed, lower-case. Two names with the same key are the same artist.
     *
     * @param artist an artist name as spelled on a track
     * @return the name trimmed and in lower case (root locale)
     */
    public static String artistKey(String artist) {
        return artist.trim().toLowerCase(Locale.ROOT);
    }

    /** Where the tracks came from, for people ("dataset spotify_songs.csv"). */
    public String source() {
        return source;
    }

    /** The features of every track. */
    public FeatureSchema schema() {
        return schema;
    }

    /** The number of distinct tracks (at least one). */
    public int size() {
        return tracks.size();
    }

    /** Every track, in catalogue order. */
    public Collection<CatalogueTrack> tracks() {
        return tracks.values();
    }

    /** A track by id, empty when the catalogue has none with that id. */
    public Optional<CatalogueTrack> track(String id) {
        return Optional.ofNullable(tracks.get(id));
    }

    /** Every artist, in order of first appearance. */
    public Collection<CatalogueArtist> artists() {
        return artistsByKey.values();
    }

    /** An artist by name, ignoring case and surrounding spaces. */
    public Optional<CatalogueArtist> artist(String name) {
        return Optional.ofNullable(artistsByKey.get(artistKey(name)));
    }

    /** Every playlist that kept at least one catalogue track, in the order given. */
    public Collection<CataloguePlaylist> playlists() {
        return playlists.values();
    }

    /** A playlist by id, empty when there is none (or it had no catalogue track). */
    public Optional<CataloguePlaylist> playlist(String id) {
        return Optional.ofNullable(playlists.get(id));
    }

    /** The distinct genre labels of the tracks, sorted. */
    public List<String> genres() {
        return genres;
    }

    /** The catalogue as the engine's candidate pool: every track with its features inline. */
    public CandidateSource asCandidateSource() {
        return () -> tracks.values().stream().map(CatalogueTrack::candidate);
    }

    /** The catalogue as a feature provider: features of its own tracks, by id. */
    public FeatureProvider asFeatureProvider() {
        return new FeatureProvider() {
            @Override
            public FeatureSchema schema() {
                return schema;
            }

            @Override
            public Map<String, FeatureVector> lookup(List<Track> wanted) {
                Map<String, FeatureVector> out = new HashMap<>();
                for (Track t : wanted) {
                    CatalogueTrack c = tracks.get(t.id());
                    if (c != null) {
                        out.put(t.id(), c.features());
                    }
                }
                return out;
            }
        };
    }

    @Override
    public String toString() {
        return "Catalogue[" + source + ", " + tracks.size() + " tracks, " + artistsByKey.size() + " artists, "
                + playlists.size() + " playlists]";
    }
}
