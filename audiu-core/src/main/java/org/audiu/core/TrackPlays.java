package org.audiu.core;

import java.util.Objects;

/**
 * What a listener's own listening history says about one track: how often, how long and how completely they played
 * it, how often they skipped it, when, and on how many separate days. Built from a listening-history export
 * (Spotify, ListenBrainz, Last.fm); a value, never the plays themselves.
 *
 * @param track          the track (a catalogue track when the play matched one)
 * @param plays          music plays counted (zero-length plays and duplicates left out)
 * @param timedPlays     plays whose listening time the export gives (Last.fm and ListenBrainz give none)
 * @param listenedMs     total listening time of the timed plays
 * @param completedPlays timed plays heard to the end or for at least 30 s
 * @param skippedPlays   timed plays skipped (flagged by the export, or ended by the next button before 30 s)
 * @param earlySkips     skipped plays that lasted under 30 s
 * @param firstPlayedMs  epoch milliseconds of the first play
 * @param lastPlayedMs   epoch milliseconds of the last play
 * @param distinctDays   separate UTC days with at least one play
 */
public record TrackPlays(Track track, int plays, int timedPlays, long listenedMs, int completedPlays,
                         int skippedPlays, int earlySkips, long firstPlayedMs, long lastPlayedMs, int distinctDays) {
    public TrackPlays {
        Objects.requireNonNull(track, "track");
        if (plays < 1 || timedPlays < 0 || timedPlays > plays || completedPlays < 0 || completedPlays > timedPlays
                || skippedPlays < 0 || skippedPlays > timedPlays || earlySkips < 0 || earlySkips > skippedPlays
                || listenedMs < 0 || distinctDays < 1 || distinctDays > plays || lastPlayedMs < firstPlayedMs) {
            throw new IllegalArgumentException("Inconsistent play counts for track " + track.id() + ": plays " + plays
                    + ", timed " + timedPlays + ", completed " + completedPlays + ", skipped " + skippedPlays
                    + ", early skips " + earlySkips + ", days " + distinctDays);
        }
    }

    /** Share of timed plays skipped early; 0 without timed plays. */
    public double earlySkipRate() {
        return timedPlays == 0 ? 0 : (double) earlySkips / timedPlays;
    }

    /** The same statistics for another track (a play matched to a catalogue track). */
    public TrackPlays withTrack(Track other) {
        return new TrackPlays(other, plays, timedPlays, listenedMs, completedPlays, skippedPlays, earlySkips,
                firstPlayedMs, lastPlayedMs, distinctDays);
    }
}
