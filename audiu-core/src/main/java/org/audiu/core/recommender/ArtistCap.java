package org.audiu.core.recommender;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.audiu.core.Track;

/**
 * How many recommendations one artist may take. A fixed cap keeps a list varied, but a listener whose library is
 * half one artist wants that artist: the adaptive cap lets each artist take as many places as the library's most
 * played artist has of the library, never fewer than the minimum.
 *
 * <p>{@code perArtist(k) = max(minimum, ceil(topArtistShare * k))}; {@code topArtistShare} is 0 for a fixed cap.
 *
 * @param minimum        the cap for a varied library ({@code recommendations.per-artist}, default 2)
 * @param topArtistShare share of the library's distinct tracks by its most frequent main artist, 0..1 (0: fixed)
 */
public record ArtistCap(int minimum, double topArtistShare) {
    public ArtistCap {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum must be >= 1, got " + minimum);
        }
        if (!(topArtistShare >= 0 && topArtistShare <= 1)) {
            throw new IllegalArgumentException("topArtistShare must be in [0, 1], got " + topArtistShare);
        }
    }

    /** The same cap for every library. */
    public static ArtistCap fixed(int perArtist) {
        return new ArtistCap(perArtist, 0);
    }

    /** A cap that grows with the share of the library's most frequent main artist (case-insensitive). */
    public static ArtistCap adaptive(int minimum, Collection<Track> library) {
        return adaptive(minimum, library, MIN_TRACKS_TO_ADAPT);
    }

    /**
     * The adaptive cap, or the fixed one for a library of fewer than {@code minTracks} tracks: a handful of tracks
     * (a few seeds on the web page) says little about how concentrated a taste is.
     */
    public static ArtistCap adaptive(int minimum, Collection<Track> library, int minTracks) {
        if (minTracks < 1) {
            throw new IllegalArgumentException("minTracks must be >= 1, got " + minTracks);
        }
        return library.size() < minTracks ? fixed(minimum) : new ArtistCap(minimum, topArtistShare(library));
    }

    /** By default, fewer library tracks than this keep the fixed cap: their top artist's share is not an estimate. */
    public static final int MIN_TRACKS_TO_ADAPT = 5;

    /** Share of the tracks by their most frequent main artist (0 for none). */
    public static double topArtistShare(Collection<Track> tracks) {
        if (tracks.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        int best = 0;
        for (Track t : tracks) {
            best = Math.max(best, counts.merge(groupOf(t), 1, Integer::sum));
        }
        return (double) best / tracks.size();
    }

    /** The group the cap counts in: the track's main artist, lower case. */
    public static String groupOf(Track t) {
        return t.mainArtist().toLowerCase(Locale.ROOT);
    }

    public boolean isAdaptive() {
        return topArtistShare > 0;
    }

    /** The cap for a list of {@code k} recommendations. */
    public int perArtist(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        return Math.max(minimum, (int) Math.ceil(topArtistShare * k - 1e-9));
    }
}
