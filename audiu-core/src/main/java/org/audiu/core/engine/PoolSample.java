package org.audiu.core.engine;

import java.util.List;
import org.audiu.core.Track;
import org.audiu.core.relative.FittedListenerFeatures;

/**
 * Negatives sampled uniformly from the pool, the number of candidates outside the library, and the
 * listener-relative features that can rank this pool (columns that take one value for every candidate dropped).
 *
 * @param rows features of {@code tracks} in the engine's base schema
 */
public record PoolSample(List<Track> tracks, double[][] rows, long poolSize, FittedListenerFeatures relative) {
}
