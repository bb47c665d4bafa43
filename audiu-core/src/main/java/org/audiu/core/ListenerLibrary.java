package org.audiu.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything audiU knows about one listener: saved tracks, playlists, top artists and tracks per time range,
 * recently played tracks, what their own listening history (an export of every play) says per track, the artists
 * they follow, and the tracks and artists they banned (never recommended; banned tracks train as negatives). Lists
 * keep the source's order (top lists are ranked, best first).
 */
public record ListenerLibrary(List<SavedTrack> savedTracks, List<Playlist> playlists,
                              Map<TimeRange, List<Artist>> topArtists, Map<TimeRange, List<Track>> topTracks,
                              List<PlayedTrack> recentlyPlayed, List<TrackPlays> playHistory,
                              List<Artist> followedArtists, List<Track> bannedTracks, List<Artist> bannedArtists) {

    public ListenerLibrary {
        savedTracks = List.copyOf(Objects.requireNonNull(savedTracks, "savedTracks"));
        playlists = List.copyOf(Objects.requireNonNull(playlists, "playlists"));
        topArtists = copyRanked(topArtists);
        topTracks = copyRanked(topTracks);
        recentlyPlayed = List.copyOf(Objects.requireNonNull(recentlyPlayed, "recentlyPlayed"));
        playHistory = List.copyOf(Objects.requireNonNull(playHistory, "playHistory"));
        followedArtists = List.copyOf(Objects.requireNonNull(followedArtists, "followedArtists"));
        bannedTracks = List.copyOf(Objects.requireNonNull(bannedTracks, "bannedTracks"));
        bannedArtists = List.copyOf(Objects.requireNonNull(bannedArtists, "bannedArtists"));
    }

    /** A library without followed or banned artists and tracks. */
    public ListenerLibrary(List<SavedTrack> savedTracks, List<Playlist> playlists,
                           Map<TimeRange, List<Artist>> topArtists, Map<TimeRange, List<Track>> topTracks,
                           List<PlayedTrack> recentlyPlayed, List<TrackPlays> playHistory) {
        this(savedTracks, playlists, topArtists, topTracks, recentlyPlayed, playHistory, List.of(), List.of(),
                List.of());
    }

    /** A library without a listening history. */
    public ListenerLibrary(List<SavedTrack> savedTracks, List<Playlist> playlists,
                           Map<TimeRange, List<Artist>> topArtists, Map<TimeRange, List<Track>> topTracks,
                           List<PlayedTrack> recentlyPlayed) {
        this(savedTracks, playlists, topArtists, topTracks, recentlyPlayed, List.of());
    }

    /** A library made of a listening history alone. */
    public static ListenerLibrary ofHistory(List<TrackPlays> playHistory) {
        return new ListenerLibrary(List.of(), List.of(), Map.of(), Map.of(), List.of(), playHistory);
    }

    /** This library with a listening history added (replacing any it had). */
    public ListenerLibrary withPlayHistory(List<TrackPlays> history) {
        return new ListenerLibrary(savedTracks, playlists, topArtists, topTracks, recentlyPlayed, history,
                followedArtists, bannedTracks, bannedArtists);
    }

    /**
     * This library and {@code other} as one (a configured library and a listening-history export, say): every list
     * of this one, then the other's; top lists per time range likewise. A track in both keeps this library's
     * version in {@link #tracksById()}.
     */
    public ListenerLibrary plus(ListenerLibrary other) {
        return new ListenerLibrary(concat(savedTracks, other.savedTracks), concat(playlists, other.playlists),
                concatRanked(topArtists, other.topArtists), concatRanked(topTracks, other.topTracks),
                concat(recentlyPlayed, other.recentlyPlayed), concat(playHistory, other.playHistory),
                concat(followedArtists, other.followedArtists), concat(bannedTracks, other.bannedTracks),
                concat(bannedArtists, other.bannedArtists));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> Map<TimeRange, List<T>> concatRanked(Map<TimeRange, List<T>> a, Map<TimeRange, List<T>> b) {
        EnumMap<TimeRange, List<T>> out = new EnumMap<>(TimeRange.class);
        out.putAll(a);
        b.forEach((range, list) -> out.merge(range, list, ListenerLibrary::concat));
        return out;
    }

    /** Ids of the banned tracks. */
    public java.util.Set<String> bannedTrackIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        bannedTracks.forEach(t -> ids.add(t.id()));
        return ids;
    }

    private static <T> Map<TimeRange, List<T>> copyRanked(Map<TimeRange, List<T>> in) {
        Objects.requireNonNull(in, "top lists");
        EnumMap<TimeRange, List<T>> copy = new EnumMap<>(TimeRange.class);
        in.forEach((range, list) -> copy.put(range, List.copyOf(list)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    public static ListenerLibrary empty() {
        return new ListenerLibrary(List.of(), List.of(), Map.of(), Map.of(), List.of(), List.of());
    }

    /**
     * Every distinct track the library mentions (saved, playlists, top tracks, recently played, listening history,
     * then banned: so they are never recommended, and their features are looked up to train them as negatives), by
     * id, in first-seen order.
     */
    public Map<String, Track> tracksById() {
        Map<String, Track> tracks = new LinkedHashMap<>();
        savedTracks.forEach(s -> tracks.putIfAbsent(s.track().id(), s.track()));
        playlists.forEach(p -> p.items().forEach(i -> tracks.putIfAbsent(i.track().id(), i.track())));
        topTracks.values().forEach(list -> list.forEach(t -> tracks.putIfAbsent(t.id(), t)));
        recentlyPlayed.forEach(p -> tracks.putIfAbsent(p.track().id(), p.track()));
        playHistory.forEach(p -> tracks.putIfAbsent(p.track().id(), p.track()));
        bannedTracks.forEach(t -> tracks.putIfAbsent(t.id(), t));
        return tracks;
    }

    /** Distinct tracks of the library, first-seen order. */
    public List<Track> distinctTracks() {
        return new ArrayList<>(tracksById().values());
    }

    /** True when the library mentions no track at all (banned tracks say what the listener does not like only). */
    public boolean isEmpty() {
        return savedTracks.isEmpty() && recentlyPlayed.isEmpty() && playHistory.isEmpty()
                && playlists.stream().allMatch(p -> p.items().isEmpty())
                && topTracks.values().stream().allMatch(List::isEmpty);
    }
}
