package org.audiu.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One listener's saved trained recommender as it is shipped to the executors: the archive's bytes
 * ({@code RecommenderFiles.toBytes}, a checksummed file format, no Java serialization of the model) and where they
 * came from, for error messages.
 *
 * @param listener the name the output uses for this listener
 * @param source   the file (or training configuration) the recommender came from
 */
public record ListenerArchive(String listener, String source, byte[] bytes) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ListenerArchive {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bytes, "bytes");
    }
}
