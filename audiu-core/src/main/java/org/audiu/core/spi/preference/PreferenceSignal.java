package org.audiu.core.spi.preference;

import java.util.Map;
import java.util.Optional;
import org.audiu.core.ListenerLibrary;

/** One ingredient of a preference score: popularity, recurrence, top-artist relevance, recency, ... */
public interface PreferenceSignal {
    /**
     * A value in [0, 1] for tracks of the library (by id; tracks absent count as 0), or empty when the library holds
     * no data for this signal (e.g. popularity for apps in Spotify's development mode): the scorer then drops the
     * signal and renormalises the other weights.
     */
    Optional<Map<String, Double>> score(ListenerLibrary library);
}
