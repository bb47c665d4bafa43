package org.audiu.core.spi;

import java.util.List;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;

/**
 * What a factory may use to build nested components (an ensemble's member trainers, a scorer's signals): passed
 * explicitly to {@link PluginFactory#create(ComponentConfig, PluginContext)}, never reached through the config.
 */
public interface PluginContext {
    /** A context for components that build nothing nested: asking it for a component fails clearly. */
    PluginContext NONE = new PluginContext() {
        @Override
        public <T> T create(PluginKind<? extends PluginFactory<T>> kind, String name, ComponentConfig config) {
            throw new ConfigException("Building the nested " + kind.label() + " '" + name + "' (" + config
                    .qualified("") + ") needs the plugin registries; create the outer component through Plugins.");
        }

        @Override
        public List<String> names(PluginKind<?> kind) {
            return List.of();
        }
    };

    /** Creates a component of a kind by name from its parameters, failing on keys it does not read. */
    <T> T create(PluginKind<? extends PluginFactory<T>> kind, String name, ComponentConfig config);

    /** The registered names of a kind, sorted. */
    List<String> names(PluginKind<?> kind);
}
