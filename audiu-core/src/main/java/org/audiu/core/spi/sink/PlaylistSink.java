package org.audiu.core.spi.sink;

import java.util.List;
import org.audiu.core.Recommendation;

/** Writes recommendations somewhere (a new Spotify playlist). */
@FunctionalInterface
public interface PlaylistSink {
    /**
     * Writes the recommendations, in order, to a new playlist.
     *
     * @param name            a playlist name
     * @param recommendations at least one, best first
     * @return where it went (a playlist URL or id), for the user
     * @throws IllegalArgumentException when {@code recommendations} is empty: nothing is written, a sink never
     *                                  makes an empty playlist
     */
    String write(String name, List<Recommendation> recommendations);
}
