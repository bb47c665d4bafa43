package org.audiu.core.plugin;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.config.Suggestions;
import org.audiu.core.spi.PluginContext;
import org.audiu.core.spi.PluginFactory;
import org.audiu.core.spi.PluginKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The factories of one plugin kind, by name. Duplicate names fail naming both classes; an unknown name fails with
 * the available names and a "did you mean"; unknown configuration keys fail with the known ones.
 *
 * @param <F> the factory interface
 */
public final class PluginRegistry<F extends PluginFactory<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final PluginKind<F> kind;
    private final Map<String, F> factories;

    private PluginRegistry(PluginKind<F> kind, Map<String, F> factories) {
        this.kind = kind;
        this.factories = Collections.unmodifiableMap(new TreeMap<>(factories));
    }

    /** Discovers factories with {@link ServiceLoader} on the given class loader. */
    public static <F extends PluginFactory<?>> PluginRegistry<F> load(PluginKind<F> kind, ClassLoader loader) {
        Map<String, F> found = new TreeMap<>();
        ServiceLoader<F> serviceLoader = ServiceLoader.load(kind.factoryType(), loader);
        var iterator = serviceLoader.stream().iterator();
        while (iterator.hasNext()) {
            ServiceLoader.Provider<F> provider;
            F factory;
            try {
                provider = iterator.next();
                factory = provider.get();
            } catch (ServiceConfigurationError e) {
                // Like SLF4J: a provider that cannot load is reported and skipped, it does not hide the others.
                LOG.warn("Skipping a {} that failed to load: {}", kind.label(), e.getMessage());
                continue;
            }
            register(kind, found, factory);
        }
        return new PluginRegistry<>(kind, found);
    }

    /** A registry of exactly these factories (for tests and programmatic use). */
    @SafeVarargs
    public static <F extends PluginFactory<?>> PluginRegistry<F> of(PluginKind<F> kind, F... factories) {
        Map<String, F> found = new TreeMap<>();
        for (F f : factories) {
            register(kind, found, f);
        }
        return new PluginRegistry<>(kind, found);
    }

    /** A new registry with {@code factory} added (fails on a duplicate name). */
    public PluginRegistry<F> with(F factory) {
        Map<String, F> copy = new TreeMap<>(factories);
        register(kind, copy, factory);
        return new PluginRegistry<>(kind, copy);
    }

    private static <F extends PluginFactory<?>> void register(PluginKind<F> kind, Map<String, F> into, F factory) {
        String name = factory.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigException("The " + kind.label() + " " + factory.getClass().getName() + " has the invalid"
                    + " name '" + name + "': names are lower-case letters, digits and '-', starting with a letter.");
        }
        F previous = into.putIfAbsent(name, factory);
        if (previous != null) {
            throw new ConfigException("Two " + kind.label() + "s are named '" + name + "': "
                    + previous.getClass().getName() + " and " + factory.getClass().getName()
                    + ". Remove one of the jars from the classpath or rename one of the factories.");
        }
    }

    public PluginKind<F> kind() {
        return kind;
    }

    /** The registered names, sorted. */
    public List<String> names() {
        return List.copyOf(factories.keySet());
    }

    public Optional<F> find(String name) {
        return Optional.ofNullable(factories.get(name));
    }

    /**
     * The factory with this name.
     *
     * @throws ConfigException naming the config key, the available names, a "did you mean" and where such plugins
     *                         come from
     */
    public F get(String name, String configKey) {
        F f = factories.get(name);
        if (f != null) {
            return f;
        }
        String kindName = kind.label();
        throw new ConfigException("No " + kindName + " named '" + name + "' (config key '" + configKey + "'). "
                + "Available: " + names() + "." + Suggestions.didYouMean(name, factories.keySet()) + " "
                + capitalize(kindName) + "s come from jars on the classpath that list them in META-INF/services/"
                + kind.factoryType().getName() + " (" + kind.whereToFind() + ").");
    }

    /**
     * Creates the named component and fails on configuration keys it did not read. Nested components (an
     * ensemble's members) need {@link Plugins#create} instead, which passes the registries.
     */
    public <T> T create(String name, ComponentConfig config) {
        return create(name, config, PluginContext.NONE);
    }

    /** Creates the named component with a context for nested ones and fails on keys it did not read. */
    @SuppressWarnings("unchecked")
    public <T> T create(String name, ComponentConfig config, PluginContext context) {
        F factory = get(name, config.qualified("").isEmpty() ? kind.configKey() : stripDot(config.qualified("")));
        T component = ((PluginFactory<T>) factory).create(config, context);
        if (component == null) {
            throw new ConfigException("The " + kind.label() + " factory " + factory.getClass().getName()
                    + " ('" + name + "') returned null from create(); it must return a component or throw.");
        }
        config.failOnUnreadKeys();
        return component;
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
