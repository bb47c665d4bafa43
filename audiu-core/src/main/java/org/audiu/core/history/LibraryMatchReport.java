package org.audiu.core.history;

import java.util.Locale;

/**
 * How an export's library matched a catalogue: saved tracks, playlist items (each item counts, an item in two
 * playlists twice) and banned tracks, each with how many matched and how many of those by Spotify id (the rest by
 * ISRC or names, {@link CatalogueMatcher}). Tracks that match nothing stay in the library under their Spotify id,
 * without features.
 */
public record LibraryMatchReport(int catalogueTracks, int savedTracks, int savedMatched, int savedById,
                                 int playlists, int playlistItems, int playlistMatched, int playlistById,
                                 int bannedTracks, int bannedMatched) {
    public static final LibraryMatchReport NONE = new LibraryMatchReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public LibraryMatchReport {
        if (savedMatched > savedTracks || savedById > savedMatched || playlistMatched > playlistItems
                || playlistById > playlistMatched || bannedMatched > bannedTracks || savedById < 0 || playlistById < 0
                || bannedMatched < 0 || playlists < 0) {
            throw new IllegalArgumentException("Inconsistent library match counts: saved " + savedMatched + "/"
                    + savedTracks + " (" + savedById + " by id), playlist items " + playlistMatched + "/"
                    + playlistItems + " (" + playlistById + " by id), banned " + bannedMatched + "/" + bannedTracks);
        }
    }

    /** True when the export had no library part to match. */
    public boolean isEmpty() {
        return savedTracks == 0 && playlistItems == 0 && bannedTracks == 0;
    }

    /** One line for people. */
    public String summary() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "matched %d of %d saved tracks (%d by Spotify "
                + "id) and %d of %d playlist tracks in %d playlists (%d by Spotify id) to a catalogue of %d tracks",
                savedMatched, savedTracks, savedById, playlistMatched, playlistItems, playlists, playlistById,
                catalogueTracks));
        if (bannedTracks > 0) {
            s.append(String.format(Locale.ROOT, "; %d of %d banned tracks", bannedMatched, bannedTracks));
        }
        return s.toString();
    }
}
