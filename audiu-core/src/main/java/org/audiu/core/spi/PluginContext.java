package org.audiu.core.spi;

import java.util.List;
import java.util.function.Supplier;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;

/**
 * What a factory may use to build nested components (an ensemble's member trainers, a scorer's signals) and share
 * what the components of one run have in common (a file several of them read): passed explicitly to
 * {@link PluginFactory#create(ComponentConfig, PluginContext)}, never reached through the config.
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

    /**
     * One value per key for the components created through this context: the first request computes it, later ones
     * with an equal key get the same value. A CSV dataset read by the library, the features and the candidates of one
     * run is read once this way (keyed by its path and read options). Keep what is shared immutable or thread-safe,
     * and cheap until used (load it lazily). The context of one run ({@code Plugins.forRun()}) shares; {@link #NONE}
     * and contexts outside a run compute the value on every request.
     *
     * @param key  what identifies the value (a record of everything it depends on)
     * @param type the value's type
     */
    default <T> T shared(Object key, Class<T> type, Supplier<? extends T> compute) {
        return type.cast(compute.get());
    }
}
