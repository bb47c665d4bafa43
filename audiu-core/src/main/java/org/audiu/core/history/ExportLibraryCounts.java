package org.audiu.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the library files of an export held: {@code YourLibrary.json}'s saved tracks, saved albums (not read as tracks:
 * the export lists no album's tracks), followed and banned artists, banned tracks; {@code Playlist*.json}'s playlists
 * and their items, of which only music tracks are kept (local files, podcast episodes, audiobooks and items naming
 * nothing are counted and left out).
 *
 * @param playlistItems every item of every playlist read
 * @param playlistTracks the items kept: music tracks ({@code playlistItems} less the four counts left out)
 */
public record ExportLibraryCounts(int savedTracks, int savedAlbums, int followedArtists, int bannedTracks,
                                  int bannedArtists, int playlists, int playlistItems, int playlistTracks,
                                  int localTracks, int episodes, int audiobooks, int unnamedItems) {
    public static final ExportLibraryCounts NONE = new ExportLibraryCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ExportLibraryCounts {
        if (playlistTracks + localTracks + episodes + audiobooks + unnamedItems != playlistItems) {
            throw new IllegalArgumentException("Playlist items do not add up: " + playlistItems + " items, "
                    + playlistTracks + " tracks, " + localTracks + " local, " + episodes + " episodes, " + audiobooks
                    + " audiobooks, " + unnamedItems + " naming nothing");
        }
    }

    /** True when no library file was read or the ones read held nothing. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** One line for people: {@code 67 saved tracks, 13 playlists with 314 tracks (2 local files left out), ...}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(count(savedTracks, "saved track"));
        if (savedAlbums > 0) {
            parts.add(count(savedAlbums, "saved album") + " (not read: the export lists no album's tracks)");
        }
        List<String> left = new ArrayList<>();
        if (localTracks > 0) {
            left.add(count(localTracks, "local file"));
        }
        if (episodes > 0) {
            left.add(count(episodes, "podcast episode"));
        }
        if (audiobooks > 0) {
            left.add(count(audiobooks, "audiobook"));
        }
        if (unnamedItems > 0) {
            left.add(unnamedItems + (unnamedItems == 1 ? " item" : " items") + " naming no track");
        }
        parts.add(count(playlists, "playlist") + " with " + count(playlistTracks, "track")
                + (left.isEmpty() ? "" : " (" + String.join(", ", left) + " left out)"));
        parts.add(count(followedArtists, "followed artist"));
        parts.add(count(bannedTracks, "banned track"));
        parts.add(count(bannedArtists, "banned artist"));
        return String.join(", ", parts);
    }

    private static String count(int n, String what) {
        return String.format(Locale.ROOT, "%d %s%s", n, what, n == 1 ? "" : "s");
    }
}
