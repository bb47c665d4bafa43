package org.audiu.core.history;

import java.util.List;
import java.util.Objects;
import org.audiu.core.Artist;
import org.audiu.core.Playlist;
import org.audiu.core.SavedTrack;
import org.audiu.core.Track;

/**
 * An export's library matched to a catalogue, in the library's own types: saved tracks and playlists (catalogue
 * tracks where they matched, tracks under their Spotify id otherwise), followed artists, banned tracks and artists.
 */
public record MatchedLibrary(List<SavedTrack> savedTracks, List<Playlist> playlists, List<Artist> followedArtists,
                             List<Track> bannedTracks, List<Artist> bannedArtists, LibraryMatchReport report) {
    public MatchedLibrary {
        savedTracks = List.copyOf(savedTracks);
        playlists = List.copyOf(playlists);
        followedArtists = List.copyOf(followedArtists);
        bannedTracks = List.copyOf(bannedTracks);
        bannedArtists = List.copyOf(bannedArtists);
        Objects.requireNonNull(report, "report");
    }
}
