package org.audiu.core.spi;

import org.audiu.core.ListenerLibrary;
import org.audiu.core.preference.PreferenceScores;

/** Gives every track of a library a preference score in [0, 1], by algorithm. */
@FunctionalInterface
public interface PreferenceScorer {
    PreferenceScores score(ListenerLibrary library);
}
