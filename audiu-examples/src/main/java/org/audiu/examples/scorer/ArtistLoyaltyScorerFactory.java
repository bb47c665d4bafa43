package org.audiu.examples.scorer;

import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.preference.PreferenceScorer;
import org.audiu.core.spi.preference.PreferenceScorerFactory;

/**
 * Registers {@link ArtistLoyaltyScorer} as {@code scorer = artist-loyalty} (listed in
 * META-INF/services/org.audiu.core.spi.preference.PreferenceScorerFactory). Parameter: {@code scorer.playlist-bonus}
 * (default 2.0).
 */
public final class ArtistLoyaltyScorerFactory implements PreferenceScorerFactory {
    @Override
    public String name() {
        return "artist-loyalty";
    }

    @Override
    public String description() {
        return "example plugin: scores tracks by loyalty to their artist";
    }

    @Override
    public PreferenceScorer create(ComponentConfig config) {
        return new ArtistLoyaltyScorer(config.getDouble("playlist-bonus", 2.0, 0, 1000));
    }
}
