package org.audiu.core.history;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.audiu.core.Track;
import org.audiu.core.TrackPlays;

/**
 * Every play of one song (one normalised artist + title), compact: 8 bytes a play (minute, flags, listening time),
 * sorted, duplicates removed. Immutable.
 */
public final class SongHistory {
    static final int COMPLETED = 1;
    static final int SKIPPED = 2;
    static final int TIMED = 4;
    static final long MAX_MS = (1L << 29) - 1;
    private static final long MINUTE_MS = 60_000;
    private static final long DAY_MINUTES = 24 * 60;

    private final String key;
    private final String artist;
    private final String title;
    private final String album;
    private final Optional<String> trackId;
    private final Optional<String> isrc;
    private final long[] plays;

    SongHistory(String key, String artist, String title, String album, Optional<String> trackId,
                Optional<String> isrc, long[] sortedDistinctPlays) {
        this.key = Objects.requireNonNull(key, "key");
        this.artist = artist;
        this.title = title;
        this.album = album;
        this.trackId = trackId;
        this.isrc = isrc;
        this.plays = sortedDistinctPlays;
        if (plays.length == 0) {
            throw new IllegalArgumentException("A song history needs at least one play: " + key);
        }
    }

    /** Packs one play: minute of the play in the high 32 bits, then 3 flag bits, then 29 bits of milliseconds. */
    static long pack(Play p) {
        long minute = Math.floorDiv(p.playedAt().toEpochMilli(), MINUTE_MS);
        int flags = (p.timed() ? TIMED : 0) | (p.completed() ? COMPLETED : 0) | (p.wasSkipped() ? SKIPPED : 0);
        long ms = p.timed() ? Math.min(MAX_MS, p.msPlayed()) : 0;
        return (minute << 32) | ((long) flags << 29) | ms;
    }

    private static long minute(long packed) {
        return packed >>> 32;
    }

    private static int flags(long packed) {
        return (int) ((packed >>> 29) & 7);
    }

    private static long ms(long packed) {
        return packed & MAX_MS;
    }

    /** The song key ({@link SongNames#key}). */
    public String key() {
        return key;
    }

    /** The artist as first seen in the export. */
    public String artist() {
        return artist;
    }

    /** The title as first seen in the export. */
    public String title() {
        return title;
    }

    public String album() {
        return album;
    }

    /** A Spotify track id from the export, when any play had one. */
    public Optional<String> trackId() {
        return trackId;
    }

    public Optional<String> isrc() {
        return isrc;
    }

    public int plays() {
        return plays.length;
    }

    /** Epoch milliseconds of the first play (minute precision). */
    public long firstPlayedMs() {
        return minute(plays[0]) * MINUTE_MS;
    }

    /** Epoch milliseconds of the last play (minute precision). */
    public long lastPlayedMs() {
        return minute(plays[plays.length - 1]) * MINUTE_MS;
    }

    /** Epoch milliseconds of each play (minute precision), in time order. */
    public java.util.stream.LongStream playedAtMs() {
        return Arrays.stream(plays).map(p -> minute(p) * MINUTE_MS);
    }

    /** The plays in {@code [fromMs, toMs)}, or empty when there are none. */
    public Optional<SongHistory> between(long fromMs, long toMs) {
        long[] kept = Arrays.stream(plays).filter(p -> {
            long at = minute(p) * MINUTE_MS;
            return at >= fromMs && at < toMs;
        }).toArray();
        return kept.length == 0 ? Optional.empty()
                : Optional.of(new SongHistory(key, artist, title, album, trackId, isrc, kept));
    }

    /** The plays of both (same song under two keys, or two ids matched to one track): merged, duplicates removed. */
    SongHistory merge(SongHistory other) {
        long[] all = java.util.stream.LongStream.concat(Arrays.stream(plays), Arrays.stream(other.plays)).sorted()
                .distinct().toArray();
        return new SongHistory(key, artist, title, album, trackId.or(other::trackId), isrc.or(other::isrc), all);
    }

    /** The statistics of these plays for a track (the catalogue track they matched, or one made from the names). */
    public TrackPlays toTrackPlays(Track track) {
        int timed = 0;
        int completed = 0;
        int skipped = 0;
        int early = 0;
        long listened = 0;
        int days = 0;
        long lastDay = Long.MIN_VALUE;
        for (long p : plays) {
            int f = flags(p);
            if ((f & TIMED) != 0) {
                timed++;
                listened += ms(p);
                if ((f & COMPLETED) != 0) {
                    completed++;
                }
                if ((f & SKIPPED) != 0) {
                    skipped++;
                    if (ms(p) < Play.STREAM_MS) {
                        early++;
                    }
                }
            }
            long day = minute(p) / DAY_MINUTES;
            if (day != lastDay) {
                days++;
                lastDay = day;
            }
        }
        return new TrackPlays(track, plays.length, timed, listened, completed, skipped, early, firstPlayedMs(),
                lastPlayedMs(), days);
    }

    /** A track made from the export's names, for a song no catalogue knows: its Spotify id, else a name-based id. */
    public Track ownTrack() {
        String id = trackId.orElse("history:" + Integer.toHexString(key.hashCode()) + ":" + SongNames.plain(artist)
                .replace(' ', '-') + ":" + SongNames.plain(title).replace(' ', '-'));
        return Track.builder(id, title).artists(artist).album(album).isrc(isrc.orElse(null)).build();
    }

    @Override
    public String toString() {
        return "'" + title + "' by " + artist + " (" + plays.length + " plays)";
    }
}
