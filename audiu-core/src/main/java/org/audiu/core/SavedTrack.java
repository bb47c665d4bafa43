package org.audiu.core;

import java.time.Instant;
import java.util.Objects;

/** A track in the listener's saved tracks ("Liked Songs"), with when it was added. */
public record SavedTrack(Track track, Instant addedAt) {
    public SavedTrack {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
