package org.audiu.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One listener's saved trained recommender as it is shipped to the executors: the archive's bytes
 * ({@code RecommenderFiles.toBytes}, a checksummed file format, no Java serialization of the model) and where they
 * came from, for error messages; for the two-stage ranker also the listener's library by ids, when known.
 *
 * @param listener        the name the output uses for this listener
 * @param source          the file (or training configuration) the recommender came from
 * @param libraryTrackIds the library's track ids in {@code ListenerLibrary.distinctTracks()} order, null when only
 *                        the recommender file is known (its exclusions' ids are used then)
 * @param playlistIds     the library's playlist ids (left out of co-membership when the catalogue holds them);
 *                        null when unknown
 */
public record ListenerArchive(String listener, String source, byte[] bytes, List<String> libraryTrackIds,
                              List<String> playlistIds) implements Serializable {
    private static final long serialVersionUID = 2L;

    public ListenerArchive {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bytes, "bytes");
        libraryTrackIds = libraryTrackIds == null ? null : List.copyOf(libraryTrackIds);
        playlistIds = playlistIds == null ? null : List.copyOf(playlistIds);
    }

    /** A saved recommender file: the library is known only through the recommender's exclusions. */
    public ListenerArchive(String listener, String source, byte[] bytes) {
        this(listener, source, bytes, null, null);
    }
}
