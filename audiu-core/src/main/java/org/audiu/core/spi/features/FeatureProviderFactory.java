package org.audiu.core.spi.features;

import org.audiu.core.spi.PluginFactory;
import org.audiu.core.spi.PluginKind;

/**
 * Service interface for {@link FeatureProvider}s; config key {@code features} (a comma-separated chain), parameters
 * under {@code features.<name>.}.
 */
public interface FeatureProviderFactory extends PluginFactory<FeatureProvider> {
    /** The kind: selected by {@code features}, parameters under {@code features.}. */
    PluginKind<FeatureProviderFactory> KIND = new PluginKind<>("feature provider", FeatureProviderFactory.class,
            "features", "features", PluginKind.Selection.LIST, "demo",
            "audiu-core (demo, dataset) or audiu-spotify (spotify-audio-features, reccobeats)");
}
