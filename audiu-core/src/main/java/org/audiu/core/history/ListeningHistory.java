package org.audiu.core.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A listener's plays, aggregated per song, the library parts of the export (saved tracks, playlists, followed and
 * banned; empty for an export of plays only), and the report of how the export was read. Immutable.
 */
public record ListeningHistory(List<SongHistory> songs, HistoryReadReport report, ExportLibrary library) {
    public ListeningHistory {
        songs = List.copyOf(songs);
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(library, "library");
    }

    /** Plays only, no library parts. */
    public ListeningHistory(List<SongHistory> songs, HistoryReadReport report) {
        this(songs, report, ExportLibrary.empty());
    }

    /**
     * Plays in {@code [from, to)} only (songs without any there are left out); the report and the library parts are
     * kept (the export dates neither saved tracks nor most playlist items).
     */
    public ListeningHistory between(Instant from, Instant to) {
        List<SongHistory> kept = new ArrayList<>();
        for (SongHistory s : songs) {
            s.between(from.toEpochMilli(), to.toEpochMilli()).ifPresent(kept::add);
        }
        return new ListeningHistory(kept, report, library);
    }

    /** The time of the first play, if any. */
    public Optional<Instant> firstPlay() {
        return songs.stream().mapToLong(SongHistory::firstPlayedMs).min().stream().mapToObj(Instant::ofEpochMilli)
                .findFirst();
    }

    /** The time of the last play, if any. */
    public Optional<Instant> lastPlay() {
        return songs.stream().mapToLong(SongHistory::lastPlayedMs).max().stream().mapToObj(Instant::ofEpochMilli)
                .findFirst();
    }

    public long plays() {
        return songs.stream().mapToLong(SongHistory::plays).sum();
    }
}
