package org.audiu.core.features;

import java.util.Objects;
import org.audiu.core.spi.features.FeatureProvider;

/** A feature provider with the name it was configured under. */
public record NamedFeatureProvider(String name, FeatureProvider provider) {
    public NamedFeatureProvider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
    }
}
