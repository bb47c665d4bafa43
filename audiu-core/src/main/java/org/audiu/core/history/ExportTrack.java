package org.audiu.core.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A track of an export's library (a saved track, a banned track or a playlist item) as the export names it, before it
 * is matched to a catalogue.
 *
 * @param artist  the artist as the export names it (one name: Spotify's export gives the first artist only)
 * @param title   the track title
 * @param album   the album, empty when the export has none
 * @param trackId the Spotify track id from its {@code spotify:track:ID} URI, when the export has one
 * @param addedAt when it was added (a playlist item's {@code addedDate}), when the export says
 */
public record ExportTrack(String artist, String title, String album, Optional<String> trackId,
                          Optional<Instant> addedAt) {
    public ExportTrack {
        Objects.requireNonNull(artist, "artist");
        Objects.requireNonNull(title, "title");
        album = album == null ? "" : album;
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /** The song key ({@link SongNames#key}): the same song under two spellings has one key. */
    public String key() {
        return SongNames.key(artist, title);
    }

    @Override
    public String toString() {
        return "'" + title + "' by " + artist;
    }
}
