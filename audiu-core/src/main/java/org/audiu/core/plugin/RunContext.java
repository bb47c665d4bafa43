package org.audiu.core.plugin;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.PluginContext;
import org.audiu.core.spi.PluginFactory;
import org.audiu.core.spi.PluginKind;

/**
 * The context of one run: creates components through the registries (nested ones through this context too) and
 * holds what they share ({@link #shared}), such as a dataset file that the library, the features and the candidates
 * read once. Made by {@link Plugins#forRun()}, one per assembly; thread-safe. The shared values live as long as the
 * components that hold them, so the next run reads its files again.
 */
public final class RunContext implements PluginContext {
    private final Plugins plugins;
    private final Map<Object, Object> shared = new ConcurrentHashMap<>();

    RunContext(Plugins plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    @Override
    public <T> T create(PluginKind<? extends PluginFactory<T>> kind, String name, ComponentConfig config) {
        return plugins.registry(kind).create(name, config, this);
    }

    @Override
    public List<String> names(PluginKind<?> kind) {
        return plugins.names(kind);
    }

    @Override
    public <T> T shared(Object key, Class<T> type, Supplier<? extends T> compute) {
        Objects.requireNonNull(key, "key");
        Object value = shared.computeIfAbsent(key, k -> Objects.requireNonNull(compute.get(), "shared value"));
        if (!type.isInstance(value)) {
            throw new IllegalStateException("The shared value for " + key + " is a " + value.getClass().getName()
                    + ", not a " + type.getName() + ": two components use the same key for different things.");
        }
        return type.cast(value);
    }
}
