package org.audiu.core.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One music play as an export states it, before aggregation. Holds no identifying field of the export (IP address,
 * user name): readers never copy them.
 *
 * @param artist     main artist as the export names it
 * @param title      track title
 * @param album      album, empty when the export has none
 * @param trackId    Spotify track id (from {@code spotify:track:ID} or an open.spotify.com URL), when present
 * @param isrc       ISRC, when present
 * @param playedAt   when the play ended (Spotify) or started (ListenBrainz, Last.fm)
 * @param msPlayed   listening time, or -1 when the export gives none
 * @param skipped    the export's skip flag, when it has one
 * @param reasonEnd  why the play ended ({@code trackdone}, {@code fwdbtn}, ...), empty when unknown
 */
public record Play(String artist, String title, String album, Optional<String> trackId, Optional<String> isrc,
                   Instant playedAt, long msPlayed, Optional<Boolean> skipped, String reasonEnd) {
    /** Spotify counts a stream after 30 s; shorter plays not heard to the end are early skips. */
    public static final long STREAM_MS = 30_000;

    public Play {
        Objects.requireNonNull(artist, "artist");
        Objects.requireNonNull(title, "title");
        album = album == null ? "" : album;
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(isrc, "isrc");
        Objects.requireNonNull(playedAt, "playedAt");
        Objects.requireNonNull(skipped, "skipped");
        reasonEnd = reasonEnd == null ? "" : reasonEnd;
    }

    /** Whether the export says how long the play lasted. */
    public boolean timed() {
        return msPlayed >= 0;
    }

    /** Heard to the end, or for at least 30 s. */
    public boolean completed() {
        return timed() && ("trackdone".equals(reasonEnd) || msPlayed >= STREAM_MS);
    }

    /** Skipped: flagged by the export, ended by the next button, or stopped before 30 s without finishing. */
    public boolean wasSkipped() {
        if (!timed()) {
            return false;
        }
        return skipped.orElse(false) || "fwdbtn".equals(reasonEnd)
                || (msPlayed < STREAM_MS && !"trackdone".equals(reasonEnd));
    }
}
