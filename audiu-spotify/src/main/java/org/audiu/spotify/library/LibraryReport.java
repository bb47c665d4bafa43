package org.audiu.spotify.library;

import java.util.List;
import java.util.Objects;

/**
 * What loading a Spotify library skipped, and why.
 *
 * @param savedTracks        saved tracks read
 * @param playlistsRead      playlists whose items were read
 * @param playlistsSkipped   playlists Spotify would not let audiU read (403: neither owned nor collaborative),
 *                           or that vanished meanwhile, by name
 * @param nullItems          playlist or saved entries without a track (removed from the catalogue)
 * @param localFiles         local files in playlists (not in Spotify's catalogue)
 * @param otherItems         podcast episodes and other non-track items
 * @param duplicatesDropped  repeats of an already-received entry (a library changing while it was paged)
 * @param requests           Web API pages requested
 */
public record LibraryReport(int savedTracks, int playlistsRead, List<String> playlistsSkipped, int nullItems,
                            int localFiles, int otherItems, int duplicatesDropped, int requests) {
    public LibraryReport {
        playlistsSkipped = List.copyOf(Objects.requireNonNull(playlistsSkipped, "playlistsSkipped"));
    }
}
