package org.audiu.core;

import java.time.Instant;
import java.util.Objects;

/** One play from the listener's recently-played history. */
public record PlayedTrack(Track track, Instant playedAt) {
    public PlayedTrack {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(playedAt, "playedAt");
    }
}
