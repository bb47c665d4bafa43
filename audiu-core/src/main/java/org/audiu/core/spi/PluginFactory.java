package org.audiu.core.spi;

import org.audiu.core.config.ComponentConfig;

/**
 * Creates one named kind of component. Implementations are listed in {@code META-INF/services/<kind interface>}
 * and need a public no-argument constructor.
 *
 * @param <T> what the factory creates
 */
public interface PluginFactory<T> {
    /** Lower-case name used in configuration files, {@code [a-z][a-z0-9-]*}, e.g. {@code random-forest}. */
    String name();

    /** One line for {@code --help} listings and error messages. */
    default String description() {
        return "";
    }

    /**
     * Creates the component. Read every parameter through {@code config}'s getters (with defaults): keys the
     * factory never reads are reported to the user as unknown, and the values read (defaults included) are the
     * component's parameters for provenance ({@link ComponentConfig#effectiveParameters()}).
     */
    T create(ComponentConfig config);

    /**
     * Creates a component that builds nested components through {@code context} (an ensemble's members). Override
     * this instead of {@link #create(ComponentConfig)} when you need it; the registries always call this one.
     */
    default T create(ComponentConfig config, PluginContext context) {
        return create(config);
    }
}
