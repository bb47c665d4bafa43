package org.audiu.core.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.config.Suggestions;
import org.audiu.core.spi.PluginFactory;
import org.audiu.core.spi.PluginKind;

/**
 * The components a configuration selects, created in one call each: {@code components.create(TrainerFactory.KIND)}
 * finds the selected name (or the kind's default), builds its parameter section under the scoping rule of
 * {@link PluginKind}, creates it with the run's context ({@link Plugins#forRun()}: the registries for nested
 * components, and what the components share, such as a file read once), and fails on keys it did not read. Keys the caller owns (the engine's settings) are given as {@code reservedKeys} and left out of every section.
 */
public final class Components {
    /** The value of a list selector that selects nothing ({@code listener-features = none}). */
    public static final String NONE = "none";

    private final AudiuConfig config;
    private final Plugins plugins;
    private final RunContext run;
    private final List<String> reservedKeys;

    /**
     * @param reservedKeys keys owned by the caller: an entry ending in {@code .} is a prefix, any other is a key and
     *                     the keys under it ({@code recommendations} covers {@code recommendations.per-artist})
     */
    public Components(AudiuConfig config, Plugins plugins, Collection<String> reservedKeys) {
        this.config = config;
        this.plugins = plugins;
        this.run = plugins.forRun();
        this.reservedKeys = List.copyOf(reservedKeys);
    }

    public AudiuConfig config() {
        return config;
    }

    public Plugins plugins() {
        return plugins;
    }

    /** The single name a kind's key selects, or the kind's default (empty for an optional kind left unset). */
    public String selected(PluginKind<?> kind) {
        if (kind.selection() == PluginKind.Selection.LIST || kind.selection() == PluginKind.Selection.NESTED) {
            throw new IllegalArgumentException(kind.label() + " selects no single component; use selectedList");
        }
        return config.get(kind.configKey()).orElse(kind.defaultSelection());
    }

    /** The names a list kind's key selects, in order ({@code none}: no names). */
    public List<String> selectedList(PluginKind<?> kind) {
        String v = config.get(kind.configKey()).orElse(kind.defaultSelection());
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            String name = s.trim();
            if (!name.isEmpty() && !name.equals(NONE)) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    /** Creates the component a single-choice kind selects. */
    public <T> T create(PluginKind<? extends PluginFactory<T>> kind) {
        return create(kind, selected(kind));
    }

    /** Creates the optional component, when one is selected. */
    public <T> Optional<T> createOptional(PluginKind<? extends PluginFactory<T>> kind) {
        String name = selected(kind);
        if (name.isEmpty()) {
            if (config.values().keySet().stream().anyMatch(k -> k.startsWith(kind.sectionPrefix()))) {
                throw new ConfigException("'" + kind.sectionPrefix() + "*' keys are set in " + config.origin()
                        + " but no '" + kind.configKey() + "' is selected. Add '" + kind.configKey() + " = NAME' "
                        + "(available: " + plugins.names(kind) + ") or remove them.");
            }
            return Optional.empty();
        }
        return Optional.of(create(kind, name));
    }

    /**
     * Creates a named component of a kind from its section. Every component created through one {@code Components}
     * belongs to one run: they share what they have in common ({@link RunContext}), such as a dataset file read once.
     */
    public <T> T create(PluginKind<? extends PluginFactory<T>> kind, String name) {
        ComponentConfig section = section(kind, name);
        T component = run.create(kind, name, section);
        checkUnselected(kind, name, section.unreadKeysOfOthers());
        return component;
    }

    /**
     * Checks the parameters kept for other plugins of a single-choice kind ({@code model.logistic.epochs} while
     * {@code model = random-forest}) that the selected component did not read itself (an ensemble reads its
     * members'): each such plugin is built from its own scoped keys and must know them all, so a typo there is an
     * error now rather than a surprise on the day the plugin is selected. Building a component only reads its
     * parameters; nothing is loaded or trained.
     */
    private <T> void checkUnselected(PluginKind<? extends PluginFactory<T>> kind, String selected,
                                     Set<String> keysOfOthers) {
        Set<String> others = new TreeSet<>();
        for (String key : keysOfOthers) {
            others.add(key.substring(0, key.indexOf('.')));
        }
        String prefix = kind.sectionPrefix();
        for (String other : others) {
            String own = prefix + other + ".";
            Map<String, String> params = new LinkedHashMap<>();
            config.values().forEach((k, v) -> {
                if (k.startsWith(own) && !isReserved(k)) {
                    params.put(k.substring(own.length()), v);
                }
            });
            ComponentConfig section = config.component(kind.label(), other, own, params, Set.of());
            try {
                plugins.create(kind, other, section);
            } catch (ConfigException e) {
                throw new ConfigException("'" + own + "*' configures " + kind.label() + " '" + other + "', which is "
                        + "not selected (" + kind.configKey() + " = " + selected + "); its parameters are kept for "
                        + "when it is, and checked now: " + e.getMessage() + " Fix or remove the '" + own + "*' keys.",
                        e);
            }
        }
    }

    /** The parameters of a named component under the scoping rule of {@link PluginKind}. */
    public ComponentConfig section(PluginKind<?> kind, String name) {
        String prefix = kind.sectionPrefix();
        String own = name + ".";
        boolean single = kind.selection() == PluginKind.Selection.ONE
                || kind.selection() == PluginKind.Selection.OPTIONAL;
        Map<String, String> shared = new LinkedHashMap<>();
        Map<String, String> scoped = new LinkedHashMap<>();
        config.values().forEach((k, v) -> {
            if (!k.startsWith(prefix) || k.equals(kind.configKey()) || isReserved(k)) {
                return;
            }
            String rest = k.substring(prefix.length());
            if (rest.startsWith(own)) {
                scoped.put(rest.substring(own.length()), v);
            } else if (single) {
                shared.put(rest, v);
            }
        });
        Map<String, String> params = new LinkedHashMap<>(shared);
        params.putAll(scoped);
        Set<String> exempt = new HashSet<>();
        if (single) {
            for (String sibling : plugins.names(kind)) {
                if (!sibling.equals(name)) {
                    exempt.add(sibling + ".");
                }
            }
        }
        return config.component(kind.label(), name, single ? prefix : prefix + own, params,
                exempt);
    }

    /** The keys reserved for the caller (the engine's settings), as one section without a prefix. */
    public ComponentConfig reservedSection(String kind, String name) {
        Map<String, String> params = new LinkedHashMap<>();
        config.values().forEach((k, v) -> {
            if (isReserved(k)) {
                params.put(k, v);
            }
        });
        return config.component(kind, name, "", params, Set.of());
    }

    private boolean isReserved(String key) {
        for (String p : reservedKeys) {
            if (p.endsWith(".") ? key.startsWith(p) : key.equals(p) || key.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails on keys that belong to nothing: not {@code seed}, not reserved, not a selector and not in the section of
     * a selected component (for list kinds: scoped to a name in the list).
     */
    public void failOnUnknownKeys() {
        List<String> unknown = new ArrayList<>();
        outer:
        for (String key : config.values().keySet()) {
            if (key.equals("seed") || isReserved(key)) {
                continue;
            }
            for (PluginKind<?> kind : Plugins.KINDS) {
                if (key.equals(kind.configKey())) {
                    continue outer;
                }
            }
            for (PluginKind<?> kind : Plugins.KINDS) {
                if (kind.selection() == PluginKind.Selection.NESTED || !key.startsWith(kind.sectionPrefix())) {
                    continue;
                }
                if (kind.selection() != PluginKind.Selection.LIST) {
                    continue outer; // the component itself reports keys it does not know
                }
                String rest = key.substring(kind.sectionPrefix().length());
                String name = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
                List<String> selected = selectedList(kind);
                if (selected.contains(name)) {
                    continue outer;
                }
                throw new ConfigException("'" + key + "' in " + config.origin() + " configures " + kind.label() + " '"
                        + name + "', which is not in '" + kind.configKey() + " = " + String.join(", ", selected)
                        + "'. Add it to '" + kind.configKey() + "' or remove the key."
                        + Suggestions.didYouMean(name, selected));
            }
            unknown.add(key);
        }
        if (!unknown.isEmpty()) {
            Set<String> known = new TreeSet<>();
            known.add("seed");
            for (PluginKind<?> kind : Plugins.KINDS) {
                if (kind.selection() != PluginKind.Selection.NESTED) {
                    known.add(kind.configKey());
                }
            }
            known.addAll(reservedKeys);
            throw new ConfigException("Unknown configuration key" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + " in " + config.origin() + ". Top-level keys are " + known + "; component parameters go under "
                    + "library., features.<provider>., scorer., model., candidates., listener-features.<name>., sink."
                    + Suggestions.didYouMean(unknown.get(0), known));
        }
    }
}
