package org.audiu.core.history;

/** The listening-history exports (and the library files of a Spotify export) audiU reads. */
public enum HistoryFormat {
    /** Spotify privacy download, "Account data": {@code StreamingHistory_music_N.json}, older {@code StreamingHistoryN.json}. */
    SPOTIFY_ACCOUNT_DATA("Spotify account data"),
    /** Spotify "Extended streaming history": {@code Streaming_History_Audio_*.json}, older {@code endsong_N.json}. */
    SPOTIFY_EXTENDED("Spotify extended streaming history"),
    /** ListenBrainz listens export: JSON lines (or a JSON array) of {@code listened_at} + {@code track_metadata}. */
    LISTENBRAINZ("ListenBrainz listens"),
    /** Last.fm scrobbles as CSV rows {@code artist, album, track, date}, with or without a header. */
    LASTFM_CSV("Last.fm scrobbles (CSV)"),
    /**
     * Spotify privacy download, "Account data": {@code YourLibrary.json}, the saved tracks ({@code tracks}), followed
     * artists ({@code artists}) and banned tracks and artists ({@code bannedTracks}, {@code bannedArtists}).
     */
    SPOTIFY_LIBRARY("Spotify library: saved tracks, followed and banned"),
    /** Spotify privacy download, "Account data": {@code Playlist1.json}, {@code Playlist2.json}, ... */
    SPOTIFY_PLAYLISTS("Spotify playlists");

    private final String description;

    HistoryFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
