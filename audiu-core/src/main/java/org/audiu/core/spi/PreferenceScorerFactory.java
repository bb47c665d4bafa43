package org.audiu.core.spi;

/** Service interface for {@link PreferenceScorer}s; config key {@code scorer}, parameters under {@code scorer.}. */
public interface PreferenceScorerFactory extends PluginFactory<PreferenceScorer> {
}
