package org.audiu.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A track in a playlist, with when it was added when the source knows. */
public record PlaylistItem(Track track, Optional<Instant> addedAt) {
    public PlaylistItem {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    public static PlaylistItem of(Track track) {
        return new PlaylistItem(track, Optional.empty());
    }
}
