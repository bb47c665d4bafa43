package org.audiu.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything audiU knows about one listener: saved tracks, playlists, top artists and tracks per time range,
 * recently played tracks, and what their own listening history (an export of every play) says per track. Lists keep
 * the source's order (top lists are ranked, best first).
 */
public record ListenerLibrary(List<SavedTrack> savedTracks, List<Playlist> playlists,
                              Map<TimeRange, List<Artist>> topArtists, Map<TimeRange, List<Track>> topTracks,
                              List<PlayedTrack> recentlyPlayed, List<TrackPlays> playHistory) {

    public ListenerLibrary {
        savedTracks = List.copyOf(Objects.requireNonNull(savedTracks, "savedTracks"));
        playlists = List.copyOf(Objects.requireNonNull(playlists, "playlists"));
        topArtists = copyRanked(topArtists);
        topTracks = copyRanked(topTracks);
        recentlyPlayed = List.copyOf(Objects.requireNonNull(recentlyPlayed, "recentlyPlayed"));
        playHistory = List.copyOf(Objects.requireNonNull(playHistory, "playHistory"));
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
        return new ListenerLibrary(savedTracks, playlists, topArtists, topTracks, recentlyPlayed, history);
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
     * Every distinct track the library mentions (saved, playlists, top tracks, recently played, listening history),
     * by id, in first-seen order.
     */
    public Map<String, Track> tracksById() {
        Map<String, Track> tracks = new LinkedHashMap<>();
        savedTracks.forEach(s -> tracks.putIfAbsent(s.track().id(), s.track()));
        playlists.forEach(p -> p.items().forEach(i -> tracks.putIfAbsent(i.track().id(), i.track())));
        topTracks.values().forEach(list -> list.forEach(t -> tracks.putIfAbsent(t.id(), t)));
        recentlyPlayed.forEach(p -> tracks.putIfAbsent(p.track().id(), p.track()));
        playHistory.forEach(p -> tracks.putIfAbsent(p.track().id(), p.track()));
        return tracks;
    }

    /** Distinct tracks of the library, first-seen order. */
    public List<Track> distinctTracks() {
        return new ArrayList<>(tracksById().values());
    }

    /** True when the library mentions no track at all. */
    public boolean isEmpty() {
        return savedTracks.isEmpty() && recentlyPlayed.isEmpty() && playHistory.isEmpty()
                && playlists.stream().allMatch(p -> p.items().isEmpty())
                && topTracks.values().stream().allMatch(List::isEmpty);
    }
}
