package org.audiu.core.spi;

/**
 * Service interface for {@link FeatureProvider}s; config key {@code features} (a comma-separated chain), parameters
 * under {@code features.<name>.}.
 */
public interface FeatureProviderFactory extends PluginFactory<FeatureProvider> {
}
