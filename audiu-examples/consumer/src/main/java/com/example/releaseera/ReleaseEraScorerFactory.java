package com.example.releaseera;

import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScorerFactory;

/**
 * Registers {@link ReleaseEraScorer} as {@code scorer = release-era}; listed in
 * {@code META-INF/services/org.audiu.core.spi.preference.PreferenceScorerFactory}. Parameter:
 * {@code scorer.era-years} (default 10, from 1 to 100).
 */
public final class ReleaseEraScorerFactory implements PreferenceScorerFactory {
    @Override
    public String name() {
        return "release-era";
    }

    @Override
    public String description() {
        return "scores tracks by how much of the library comes from their era (decade by default)";
    }

    @Override
    public PreferenceScorer create(ComponentConfig config) {
        return new ReleaseEraScorer(config.getInt("era-years", 10, 1, 100));
    }
}
