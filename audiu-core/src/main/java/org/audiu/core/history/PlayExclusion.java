package org.audiu.core.history;

/** Why a record of an export is not counted as a music play (each is counted in the read report). */
public enum PlayExclusion {
    /** A podcast episode (episode fields set, or a podcast history file). */
    PODCAST_EPISODE("podcast episodes"),
    /** An audiobook chapter. */
    AUDIOBOOK("audiobook chapters"),
    /** A video play ({@code Streaming_History_Video_*.json}). */
    VIDEO("video plays"),
    /** A play of 0 ms. */
    ZERO_LENGTH("zero-length plays"),
    /** A play longer than 25 minutes in account data (no ids there): nearly always a podcast episode. */
    LIKELY_PODCAST("plays over 25 min without a track id (likely podcast episodes)"),
    /** Neither a track nor an episode named (content since removed, or a private session). */
    UNNAMED("records naming no track"),
    /** The same play twice (same song, minute, length), e.g. in two overlapping export files. */
    DUPLICATE("duplicate plays");

    private final String description;

    PlayExclusion(String description) {
        this.description = description;
    }

    /** Plural words for reports. */
    public String description() {
        return description;
    }
}
