package org.audiu.core.spi;

/** Service interface for {@link PreferenceSignal}s; weighted by {@code scorer.weights.<name>}. */
public interface PreferenceSignalFactory extends PluginFactory<PreferenceSignal> {
}
