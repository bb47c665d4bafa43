package org.audiu.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.audiu.core.Track;

/**
 * A {@link Track} in a form Java serialization can ship between executors and the driver (a track's optional fields
 * are not serializable): {@link #of} and {@link #toTrack} round-trip every field.
 *
 * @param releaseYear the year, or {@link Integer#MIN_VALUE} when unknown
 * @param popularity  NaN when unknown
 * @param isrc        null when unknown
 * @param genre       null when unknown
 */
public record TrackRecord(String id, String name, ArrayList<String> artists, String album, int releaseYear,
                          long durationMs, boolean explicit, double popularity, String isrc, String genre)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int NO_YEAR = Integer.MIN_VALUE;

    public static TrackRecord of(Track t) {
        return new TrackRecord(t.id(), t.name(), new ArrayList<>(t.artists()), t.album(),
                t.releaseYear().orElse(NO_YEAR), t.durationMs(), t.explicit(), t.popularity().orElse(Double.NaN),
                t.isrc().orElse(null), t.genre().orElse(null));
    }

    public Track toTrack() {
        return new Track(id, name, List.copyOf(artists), album,
                releaseYear == NO_YEAR ? OptionalInt.empty() : OptionalInt.of(releaseYear), durationMs, explicit,
                Double.isNaN(popularity) ? OptionalDouble.empty() : OptionalDouble.of(popularity),
                Optional.ofNullable(isrc), Optional.ofNullable(genre));
    }
}
