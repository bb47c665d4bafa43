package org.audiu.core.history;

/** The listening-history exports audiU reads. */
public enum HistoryFormat {
    /** Spotify privacy download, "Account data": {@code StreamingHistory_music_N.json}, older {@code StreamingHistoryN.json}. */
    SPOTIFY_ACCOUNT_DATA("Spotify account data"),
    /** Spotify "Extended streaming history": {@code Streaming_History_Audio_*.json}, older {@code endsong_N.json}. */
    SPOTIFY_EXTENDED("Spotify extended streaming history"),
    /** ListenBrainz listens export: JSON lines (or a JSON array) of {@code listened_at} + {@code track_metadata}. */
    LISTENBRAINZ("ListenBrainz listens"),
    /** Last.fm scrobbles as CSV rows {@code artist, album, track, date}, with or without a header. */
    LASTFM_CSV("Last.fm scrobbles (CSV)");

    private final String description;

    HistoryFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
