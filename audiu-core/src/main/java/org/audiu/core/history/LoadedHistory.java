package org.audiu.core.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.audiu.core.ListenerLibrary;

/**
 * A listening-history export as a library: its plays, and (for a full Spotify "Account data" download) its saved
 * tracks, playlists, followed artists and banned tracks and artists; with the reports of reading the export and of
 * matching its plays ({@code match}) and its library ({@code libraryMatch}) to a catalogue.
 */
public record LoadedHistory(ListenerLibrary library, HistoryReadReport read, MatchReport match,
                            LibraryMatchReport libraryMatch) {
    public LoadedHistory {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(libraryMatch, "libraryMatch");
    }

    /** Reads the export at {@code path} and matches its songs with {@code matcher}. */
    public static LoadedHistory load(Path path, CatalogueMatcher matcher) {
        return of(new HistoryReader().read(path), matcher);
    }

    /**
     * A history already read, matched with {@code matcher}. Saved tracks, which the export does not date, count as
     * added at the export's last play (or at the epoch for an export without plays).
     */
    public static LoadedHistory of(ListeningHistory history, CatalogueMatcher matcher) {
        HistoryMatch match = matcher.match(history);
        ExportLibrary export = history.library();
        if (export.isEmpty()) {
            return new LoadedHistory(ListenerLibrary.ofHistory(match.all()), history.report(), match.report(),
                    LibraryMatchReport.NONE);
        }
        MatchedLibrary lib = ExportLibraryMatching.match(export, matcher, history.lastPlay().orElse(Instant.EPOCH));
        ListenerLibrary library = new ListenerLibrary(lib.savedTracks(), lib.playlists(), Map.of(), Map.of(),
                java.util.List.of(), match.all(), lib.followedArtists(), lib.bannedTracks(), lib.bannedArtists());
        return new LoadedHistory(library, history.report(), match.report(), lib.report());
    }

    /** The read report, then the match reports, for people. */
    public String summary() {
        StringBuilder s = new StringBuilder(read.summary()).append('\n').append(match.summary());
        if (!libraryMatch.isEmpty()) {
            s.append('\n').append(libraryMatch.summary());
        }
        return s.toString();
    }

    /** Whether anything of the export (a play, a saved track, a playlist item) matched the catalogue. */
    public boolean anyMatched() {
        return match.matched() > 0 || libraryMatch.savedMatched() > 0 || libraryMatch.playlistMatched() > 0;
    }
}
