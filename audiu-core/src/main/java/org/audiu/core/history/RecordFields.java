package org.audiu.core.history;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Turns the kept fields of one JSON record into a play, an exclusion, or a problem. */
final class RecordFields {
    /** Account-data plays longer than this, with no track id, are almost always podcast episodes. */
    static final long LIKELY_PODCAST_MS = 25 * 60_000;

    private RecordFields() {
    }

    /** A play, an exclusion or a problem message: exactly one is set. */
    record Outcome(Play play, PlayExclusion exclusion, String problem) {
        static Outcome of(Play p) { return new Outcome(p, null, null); }
        static Outcome excluded(PlayExclusion x) { return new Outcome(null, x, null); }
        static Outcome problem(String m) { return new Outcome(null, null, m); }
    }

    static HistoryFormat formatOf(Map<String, Object> r) {
        if (r.containsKey("ts") && (r.containsKey("ms_played") || r.containsKey("spotify_track_uri")
                || r.containsKey("master_metadata_track_name"))) {
            return HistoryFormat.SPOTIFY_EXTENDED;
        }
        if (r.containsKey("endTime") && r.containsKey("msPlayed")) {
            return HistoryFormat.SPOTIFY_ACCOUNT_DATA;
        }
        if (r.containsKey("listened_at") && r.get("track_metadata") instanceof Map) {
            return HistoryFormat.LISTENBRAINZ;
        }
        return null;
    }

    static Outcome play(Map<String, Object> r, HistoryFormat format) {
        return switch (format) {
            case SPOTIFY_EXTENDED -> extended(r);
            case SPOTIFY_ACCOUNT_DATA -> accountData(r);
            case LISTENBRAINZ -> listenBrainz(r);
            case LASTFM_CSV -> throw new IllegalArgumentException("CSV records are not JSON");
            case SPOTIFY_LIBRARY, SPOTIFY_PLAYLISTS -> throw new IllegalArgumentException(
                    "library and playlist files hold no plays: " + format);
        };
    }

    private static Outcome extended(Map<String, Object> r) {
        if (present(r, "episode_name") || present(r, "spotify_episode_uri") || present(r, "episode_show_name")) {
            return Outcome.excluded(PlayExclusion.PODCAST_EPISODE);
        }
        if (present(r, "audiobook_title") || present(r, "audiobook_uri") || present(r, "audiobook_chapter_uri")) {
            return Outcome.excluded(PlayExclusion.AUDIOBOOK);
        }
        String title = text(r, "master_metadata_track_name");
        String artist = text(r, "master_metadata_album_artist_name");
        if (title.isEmpty() && artist.isEmpty()) {
            return Outcome.excluded(PlayExclusion.UNNAMED);
        }
        if (title.isEmpty() || artist.isEmpty()) {
            return Outcome.problem("a track play without " + (title.isEmpty() ? "master_metadata_track_name"
                    : "master_metadata_album_artist_name") + "; skipped");
        }
        Optional<Instant> at = instant(r.get("ts"));
        if (at.isEmpty()) {
            return Outcome.problem("unreadable 'ts' " + quoted(r.get("ts")) + " (expected " + Timestamps.accepted()
                    + "); skipped");
        }
        Long ms = number(r.get("ms_played"));
        if (ms == null || ms < 0) {
            return Outcome.problem("missing or negative 'ms_played' " + quoted(r.get("ms_played")) + "; skipped");
        }
        if (ms == 0) {
            return Outcome.excluded(PlayExclusion.ZERO_LENGTH);
        }
        Optional<Boolean> skipped = r.get("skipped") instanceof Boolean b ? Optional.of(b) : Optional.empty();
        return Outcome.of(new Play(artist, title, text(r, "master_metadata_album_album_name"),
                SpotifyIds.fromUri(text(r, "spotify_track_uri")), Optional.empty(), at.get(), ms, skipped,
                text(r, "reason_end")));
    }

    private static Outcome accountData(Map<String, Object> r) {
        if (present(r, "podcastName") || present(r, "episodeName")) {
            return Outcome.excluded(PlayExclusion.PODCAST_EPISODE);
        }
        String title = text(r, "trackName");
        String artist = text(r, "artistName");
        if (title.isEmpty() && artist.isEmpty()) {
            return Outcome.excluded(PlayExclusion.UNNAMED);
        }
        if (title.isEmpty() || artist.isEmpty()) {
            return Outcome.problem("a play without " + (title.isEmpty() ? "trackName" : "artistName") + "; skipped");
        }
        Optional<Instant> at = instant(r.get("endTime"));
        if (at.isEmpty()) {
            return Outcome.problem("unreadable 'endTime' " + quoted(r.get("endTime")) + " (expected "
                    + Timestamps.accepted() + "); skipped");
        }
        Long ms = number(r.get("msPlayed"));
        if (ms == null || ms < 0) {
            return Outcome.problem("missing or negative 'msPlayed' " + quoted(r.get("msPlayed")) + "; skipped");
        }
        if (ms == 0) {
            return Outcome.excluded(PlayExclusion.ZERO_LENGTH);
        }
        if (ms > LIKELY_PODCAST_MS) {
            return Outcome.excluded(PlayExclusion.LIKELY_PODCAST);
        }
        return Outcome.of(new Play(artist, title, "", Optional.empty(), Optional.empty(), at.get(), ms,
                Optional.empty(), ""));
    }

    @SuppressWarnings("unchecked")
    private static Outcome listenBrainz(Map<String, Object> r) {
        Map<String, Object> meta = (Map<String, Object>) r.get("track_metadata");
        String title = text(meta, "track_name");
        String artist = text(meta, "artist_name");
        if (title.isEmpty() || artist.isEmpty()) {
            return Outcome.problem("a listen without track_metadata." + (title.isEmpty() ? "track_name"
                    : "artist_name") + "; skipped");
        }
        Object when = r.get("listened_at");
        Optional<Instant> at = when instanceof Long l ? Timestamps.fromEpoch(l) : instant(when);
        if (at.isEmpty()) {
            return Outcome.problem("unreadable 'listened_at' " + quoted(when) + " (expected epoch seconds between "
                    + "1995 and 2100); skipped");
        }
        Map<String, Object> info = meta.get("additional_info") instanceof Map<?, ?> m ? (Map<String, Object>) m
                : Map.of();
        Optional<String> id = SpotifyIds.fromUri(text(info, "spotify_id"));
        String isrc = text(info, "isrc");
        return Outcome.of(new Play(artist, title, text(meta, "release_name"), id,
                isrc.isEmpty() ? Optional.empty() : Optional.of(isrc), at.get(), -1, Optional.empty(), ""));
    }

    private static Optional<Instant> instant(Object v) {
        if (v instanceof Long l) {
            return Timestamps.fromEpoch(l);
        }
        return v instanceof String s ? Timestamps.parse(s) : Optional.empty();
    }

    private static boolean present(Map<String, Object> r, String field) {
        Object v = r.get(field);
        return v instanceof String s ? !s.isBlank() : v != null;
    }

    private static String text(Map<String, Object> r, String field) {
        Object v = r.get(field);
        return v instanceof String s ? s.strip() : "";
    }

    private static Long number(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A value for a message, cut short (never a whole record). */
    private static String quoted(Object v) {
        if (v == null) {
            return "(absent)";
        }
        String s = v.toString();
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
    }
}
