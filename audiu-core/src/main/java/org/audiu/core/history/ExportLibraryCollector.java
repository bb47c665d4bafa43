package org.audiu.core.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the library parts of an export while its files are read: saved tracks, playlists, followed and banned
 * artists, banned tracks, and the counts of what was left out. Not thread-safe: one per read.
 */
final class ExportLibraryCollector {
    private final List<ExportTrack> saved = new ArrayList<>();
    private final List<ExportPlaylist> playlists = new ArrayList<>();
    private final Set<String> followed = new LinkedHashSet<>();
    private final List<ExportTrack> bannedTracks = new ArrayList<>();
    private final Set<String> bannedArtists = new LinkedHashSet<>();
    private int savedAlbums;
    private int playlistItems;
    private int localTracks;
    private int episodes;
    private int audiobooks;
    private int unnamedItems;

    void savedTrack(ExportTrack t) {
        saved.add(t);
    }

    void savedAlbum() {
        savedAlbums++;
    }

    void followedArtist(String name) {
        followed.add(name);
    }

    void bannedTrack(ExportTrack t) {
        bannedTracks.add(t);
    }

    void bannedArtist(String name) {
        bannedArtists.add(name);
    }

    /**
     * A playlist read to its end, with the items of it left out: only whole playlists are kept, so a playlist cut
     * off by malformed JSON counts nowhere.
     */
    void playlist(ExportPlaylist p, int local, int episode, int audiobook, int unnamed) {
        playlists.add(p);
        playlistItems += p.tracks().size() + local + episode + audiobook + unnamed;
        localTracks += local;
        episodes += episode;
        audiobooks += audiobook;
        unnamedItems += unnamed;
    }

    ExportLibrary library() {
        return new ExportLibrary(saved, playlists, List.copyOf(followed), bannedTracks, List.copyOf(bannedArtists));
    }

    ExportLibraryCounts counts() {
        int tracks = playlists.stream().mapToInt(p -> p.tracks().size()).sum();
        return new ExportLibraryCounts(saved.size(), savedAlbums, followed.size(), bannedTracks.size(),
                bannedArtists.size(), playlists.size(), playlistItems, tracks, localTracks, episodes, audiobooks,
                unnamedItems);
    }
}
