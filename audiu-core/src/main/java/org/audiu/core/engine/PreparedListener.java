package org.audiu.core.engine;

import java.util.List;
import org.audiu.core.ListenerLibrary;
import org.audiu.core.Track;
import org.audiu.core.features.FeatureLookup;
import org.audiu.core.relative.FittedListenerFeatures;
import org.audiu.core.spi.preference.PreferenceScores;

/**
 * A listener's library with preference scores, the features of its tracks, and the listener-relative features
 * fitted to it.
 *
 * @param likedRows features of {@code liked} in the engine's base schema ({@link EngineSettings#schema()})
 * @param relative  extends a base row with the listener-relative columns; its schema is the model's
 */
public record PreparedListener(ListenerLibrary library, PreferenceScores preferences, List<Track> liked,
                               double[][] likedRows, FeatureLookup lookup, FittedListenerFeatures relative) {
}
