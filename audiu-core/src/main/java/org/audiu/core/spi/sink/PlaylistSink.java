package org.audiu.core.spi.sink;

import java.util.List;
import org.audiu.core.Recommendation;

/** Writes recommendations somewhere (a new Spotify playlist). */
@FunctionalInterface
public interface PlaylistSink {
    /**
     * @param name a playlist name
     * @return where it went (a playlist URL or id), for the user
     */
    String write(String name, List<Recommendation> recommendations);
}
