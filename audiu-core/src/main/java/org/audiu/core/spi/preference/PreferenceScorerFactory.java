package org.audiu.core.spi.preference;

import org.audiu.core.spi.PluginFactory;
import org.audiu.core.spi.PluginKind;

/** Service interface for {@link PreferenceScorer}s; config key {@code scorer}. */
public interface PreferenceScorerFactory extends PluginFactory<PreferenceScorer> {
    /** The kind: selected by {@code scorer}, parameters under {@code scorer.}. */
    PluginKind<PreferenceScorerFactory> KIND = new PluginKind<>("preference scorer", PreferenceScorerFactory.class,
            "scorer", "scorer", PluginKind.Selection.ONE, "weighted",
            "audiu-core (weighted) or your own jar");
}
