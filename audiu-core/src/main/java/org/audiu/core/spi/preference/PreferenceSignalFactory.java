package org.audiu.core.spi.preference;

import org.audiu.core.spi.PluginFactory;
import org.audiu.core.spi.PluginKind;

/**
 * Service interface for {@link PreferenceSignal}s, which the {@code weighted} scorer blends ({@code
 * scorer.weights.<name>}).
 */
public interface PreferenceSignalFactory extends PluginFactory<PreferenceSignal> {
    /** The kind: selected by {@code scorer.signals}, parameters under {@code scorer.signals.}. */
    PluginKind<PreferenceSignalFactory> KIND = new PluginKind<>("preference signal", PreferenceSignalFactory.class,
            "scorer.signals", "scorer.signals", PluginKind.Selection.NESTED, "",
            "audiu-core or your own jar");
}
