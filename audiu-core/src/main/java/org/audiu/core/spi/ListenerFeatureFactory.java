package org.audiu.core.spi;

/**
 * Service interface for {@link ListenerFeature}s; config key {@code listener-features} (a comma-separated list,
 * {@code none} for none), parameters under {@code listener-features.<name>.}.
 */
public interface ListenerFeatureFactory extends PluginFactory<ListenerFeature> {
}
