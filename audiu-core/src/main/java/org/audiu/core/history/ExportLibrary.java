package org.audiu.core.history;

import java.util.List;

/**
 * What an export says about the listener's library beside the plays: saved tracks ({@code YourLibrary.json}'s
 * {@code tracks}), playlists ({@code Playlist*.json}), followed artists ({@code artists}), and what they banned
 * ({@code bannedTracks}, {@code bannedArtists}). Empty for exports that hold plays only. Immutable.
 */
public record ExportLibrary(List<ExportTrack> savedTracks, List<ExportPlaylist> playlists,
                            List<String> followedArtists, List<ExportTrack> bannedTracks, List<String> bannedArtists) {
    private static final ExportLibrary EMPTY = new ExportLibrary(List.of(), List.of(), List.of(), List.of(), List.of());

    public ExportLibrary {
        savedTracks = List.copyOf(savedTracks);
        playlists = List.copyOf(playlists);
        followedArtists = List.copyOf(followedArtists);
        bannedTracks = List.copyOf(bannedTracks);
        bannedArtists = List.copyOf(bannedArtists);
    }

    public static ExportLibrary empty() {
        return EMPTY;
    }

    /** Music tracks over all playlists (an item in two playlists counts twice). */
    public int playlistItems() {
        return playlists.stream().mapToInt(p -> p.tracks().size()).sum();
    }

    /** True when the export has no library part at all. */
    public boolean isEmpty() {
        return savedTracks.isEmpty() && playlistItems() == 0 && followedArtists.isEmpty() && bannedTracks.isEmpty()
                && bannedArtists.isEmpty();
    }
}
