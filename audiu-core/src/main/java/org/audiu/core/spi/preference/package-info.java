/**
 * Preference scoring: a {@link org.audiu.core.spi.preference.PreferenceScorer} gives every library track a score in
 * [0, 1], by algorithm; the built-in one blends {@link org.audiu.core.spi.preference.PreferenceSignal}s (popularity,
 * recurrence, top artists and tracks, recency).
 */
package org.audiu.core.spi.preference;
