package org.audiu.core.spi.preference;

import org.audiu.core.ListenerLibrary;

/** Gives every track of a library a preference score in [0, 1], by algorithm. */
@FunctionalInterface
public interface PreferenceScorer {
    PreferenceScores score(ListenerLibrary library);
}
