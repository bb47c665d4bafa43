package org.audiu.core.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A playlist of an export ({@code Playlist1.json}, ...): its name, when it was last changed, and its music tracks in
 * order (local files, podcast episodes and audiobooks left out and counted in the read report).
 */
public record ExportPlaylist(String name, Optional<Instant> lastModified, List<ExportTrack> tracks) {
    public ExportPlaylist {
        name = name == null ? "" : name;
        Objects.requireNonNull(lastModified, "lastModified");
        tracks = List.copyOf(tracks);
    }
}
