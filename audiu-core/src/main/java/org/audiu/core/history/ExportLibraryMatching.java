package org.audiu.core.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audiu.core.Artist;
import org.audiu.core.Playlist;
import org.audiu.core.PlaylistItem;
import org.audiu.core.SavedTrack;
import org.audiu.core.Track;

/**
 * Matches an export's library (saved tracks, playlist items, banned tracks) to a catalogue with a
 * {@link CatalogueMatcher}, by Spotify id first, then as the matcher goes on (ISRC, names), each distinct track once.
 * A track that matches nothing keeps a track of its own under its Spotify id ({@link SongHistory#ownTrack}), so it
 * is still never recommended. Not thread-safe: one per match.
 */
final class ExportLibraryMatching {
    /** The read report of the one-song histories the matcher is asked about (never shown). */
    private static final HistoryReadReport ONE_SONG = new HistoryReadReport("export library", List.of(), 0, 1, 1,
            Map.of(), 0, List.of(), List.of());

    private final CatalogueMatcher matcher;
    private final Map<String, Resolved> resolved = new HashMap<>();

    private ExportLibraryMatching(CatalogueMatcher matcher) {
        this.matcher = matcher;
    }

    /** A library track resolved: the catalogue's track (or its own), whether it matched, and whether by id. */
    private record Resolved(Track track, boolean matched, boolean byId) {
    }

    /**
     * The export's library in the library's types.
     *
     * @param savedAt when the saved tracks count as added: the export dates none of them
     */
    static MatchedLibrary match(ExportLibrary library, CatalogueMatcher matcher, Instant savedAt) {
        return new ExportLibraryMatching(matcher).matchAll(library, savedAt);
    }

    private MatchedLibrary matchAll(ExportLibrary library, Instant savedAt) {
        Map<String, SavedTrack> saved = new LinkedHashMap<>();
        int savedMatched = 0;
        int savedById = 0;
        for (ExportTrack t : library.savedTracks()) {
            Resolved r = resolve(t);
            savedMatched += r.matched() ? 1 : 0;
            savedById += r.byId() ? 1 : 0;
            saved.putIfAbsent(r.track().id(), new SavedTrack(r.track(), savedAt));
        }
        List<Playlist> playlists = new ArrayList<>();
        int items = 0;
        int itemsMatched = 0;
        int itemsById = 0;
        for (int i = 0; i < library.playlists().size(); i++) {
            ExportPlaylist p = library.playlists().get(i);
            List<PlaylistItem> kept = new ArrayList<>();
            for (ExportTrack t : p.tracks()) {
                Resolved r = resolve(t);
                items++;
                itemsMatched += r.matched() ? 1 : 0;
                itemsById += r.byId() ? 1 : 0;
                kept.add(new PlaylistItem(r.track(), t.addedAt().or(p::lastModified)));
            }
            playlists.add(new Playlist("export-playlist-" + (i + 1), p.name(), true, kept));
        }
        Map<String, Track> banned = new LinkedHashMap<>();
        int bannedMatched = 0;
        for (ExportTrack t : library.bannedTracks()) {
            Resolved r = resolve(t);
            bannedMatched += r.matched() ? 1 : 0;
            banned.putIfAbsent(r.track().id(), r.track());
        }
        LibraryMatchReport report = new LibraryMatchReport(matcher.size(), library.savedTracks().size(), savedMatched,
                savedById, playlists.size(), items, itemsMatched, itemsById, library.bannedTracks().size(),
                bannedMatched);
        return new MatchedLibrary(List.copyOf(saved.values()), playlists,
                library.followedArtists().stream().map(Artist::named).toList(), List.copyOf(banned.values()),
                library.bannedArtists().stream().map(Artist::named).toList(), report);
    }

    private Resolved resolve(ExportTrack t) {
        String key = t.trackId().map(id -> "id\u0000" + id).orElseGet(() -> "key\u0000" + t.key());
        return resolved.computeIfAbsent(key, k -> {
            SongHistory song = new SongHistory(t.key(), t.artist(), t.title(), t.album(), t.trackId(),
                    Optional.empty(), new long[] {0L});
            HistoryMatch m = matcher.match(new ListeningHistory(List.of(song), ONE_SONG));
            if (!m.matched().isEmpty()) {
                return new Resolved(m.matched().get(0).track(), true, m.report().byId() > 0);
            }
            return new Resolved(song.ownTrack(), false, false);
        });
    }
}
