package org.audiu.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.audiu.core.spi.Plugins;

/**
 * The configuration file: Java properties ({@code key = value}, {@code #} comments), one component per key, chosen
 * by name, with its parameters under the same prefix:
 * <pre>
 * library.source = demo            # parameters: library.*
 * features = demo                  # a chain: features = spotify-audio-features, reccobeats, dataset
 * features.dataset.path = data.csv # parameters of one provider: features.&lt;name&gt;.*
 * features.columns = danceability, energy, ...   # the model's features (default: 12 standard audio features)
 * scorer = weighted                # parameters: scorer.*
 * model = logistic                 # the default; or random-forest, ... by name; parameters: model.*
 * candidates.source = demo         # parameters: candidates.*
 * recommendations = 20             # engine settings: recommendations.*, training.*
 * listener-features = artist-affinity, album-affinity, co-membership, release-year, popularity, audio-similarity
 *                                  # columns computed from the library (none: off); parameters under
 *                                  # listener-features.&lt;name&gt;.
 * seed = 42
 * </pre>
 * Every key must belong to something: an unknown key fails with the known ones and a "did you mean". Immutable.
 */
public final class AudiuConfig {
    /** Top-level keys that select components, with their defaults (the embedded demo). */
    public static final Map<String, String> SELECTORS = selectors();
    /** Engine setting prefixes (read by {@code EngineSettings}). */
    public static final List<String> ENGINE_PREFIXES = List.of("recommendations", "training.", "reasons.",
            "features.columns", "batch-size");

    private final Map<String, String> values;
    private final Path baseDirectory;
    private final String origin;

    private static Map<String, String> selectors() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("library.source", "demo");
        s.put("features", "demo");
        s.put("scorer", "weighted");
        s.put("model", "logistic");
        s.put("candidates.source", "demo");
        s.put("sink", "");
        s.put("listener-features", String.join(", ", org.audiu.core.relative.ListenerFeatures.DEFAULT_NAMES));
        return java.util.Collections.unmodifiableMap(s);
    }

    public AudiuConfig(Map<String, String> values, Path baseDirectory, String origin) {
        this.values = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(values, "values")));
        this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory").toAbsolutePath().normalize();
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** The embedded default: every component is the demo's. */
    public static AudiuConfig defaults() {
        return new AudiuConfig(Map.of(), Path.of("").toAbsolutePath(), "built-in defaults");
    }

    /**
     * Reads a properties file.
     *
     * @throws ConfigException when the file is missing or unreadable
     */
    public static AudiuConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Configuration file not found: " + file.toAbsolutePath()
                    + ". Pass an existing file with --config, or omit --config to use the embedded demo "
                    + "(examples live in audiu-examples/config/).");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Could not read configuration " + file.toAbsolutePath() + ": " + e.getMessage(),
                    e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            values.put(key.trim(), stripComment(p.getProperty(key)));
        }
        Path parent = file.toAbsolutePath().getParent();
        return new AudiuConfig(values, parent == null ? Path.of("") : parent, file.toString());
    }

    /** Properties has no trailing comments; allow {@code value   # comment}. */
    private static String stripComment(String value) {
        int hash = value.indexOf(" #");
        return (hash >= 0 ? value.substring(0, hash) : value).trim();
    }

    /** A copy with some keys overridden (from the command line). */
    public AudiuConfig with(Map<String, String> overrides) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.putAll(overrides);
        return new AudiuConfig(copy, baseDirectory, overrides.isEmpty() ? origin : origin + " (with overrides)");
    }

    public Map<String, String> values() { return values; }
    public Path baseDirectory() { return baseDirectory; }
    public String origin() { return origin; }

    /** The global seed ({@code seed}, default 42). */
    public long seed() {
        String v = values.get("seed");
        if (v == null || v.isBlank()) {
            return 42;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("Invalid value '" + v + "' for 'seed' in " + origin + ": expected an integer.");
        }
    }

    /** The name selected by a selector key, or its default. */
    public String selected(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? SELECTORS.getOrDefault(key, "") : v.trim();
    }

    /** The feature-provider chain's names, in order. */
    public List<String> featureProviders() {
        List<String> out = new ArrayList<>();
        for (String s : selected("features").split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /**
     * The listener-relative features' names, in order ({@code listener-features}; default: every built-in one;
     * {@code none}: no listener features).
     */
    public List<String> listenerFeatures() {
        List<String> out = new ArrayList<>();
        for (String s : selected("listener-features").split(",")) {
            if (!s.isBlank() && !s.trim().equals(org.audiu.core.relative.ListenerFeatures.NONE)) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /**
     * The parameters under {@code prefix} (without it) for a component, excluding the selector key itself and the
     * engine's keys.
     */
    public ComponentConfig component(String kind, String name, String prefix, Plugins plugins) {
        return component(kind, name, prefix, plugins, List.of());
    }

    /**
     * As {@link #component(String, String, String, Plugins)}, with parameters scoped by plugin name: for
     * {@code model = random-forest}, {@code model.random-forest.trees} reaches the trainer as {@code trees} (and wins
     * over a plain {@code model.trees}), while {@code model.logistic.epochs} is kept for another day: switching
     * {@code model} is then a one-key change. {@code siblings} are the registered names of the same kind.
     */
    public ComponentConfig component(String kind, String name, String prefix, Plugins plugins,
                                     java.util.Collection<String> siblings) {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> scoped = new LinkedHashMap<>();
        String own = name + ".";
        values.forEach((k, v) -> {
            if (k.startsWith(prefix) && !SELECTORS.containsKey(k) && !isEngineKey(k)) {
                String rest = k.substring(prefix.length());
                if (rest.startsWith(own)) {
                    scoped.put(rest.substring(own.length()), v);
                } else {
                    params.put(rest, v);
                }
            }
        });
        params.putAll(scoped);
        Set<String> exempt = new java.util.HashSet<>();
        for (String sibling : siblings) {
            if (!sibling.equals(name)) {
                exempt.add(sibling + ".");
            }
        }
        return new ComponentConfig(kind, name, prefix, params, seed(), baseDirectory, origin, plugins, exempt);
    }

    /** The engine's own settings: {@code recommendations*}, {@code training.*}, {@code reasons.*}, ... */
    public ComponentConfig engine(Plugins plugins) {
        Map<String, String> params = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (isEngineKey(k)) {
                params.put(k, v);
            }
        });
        return new ComponentConfig("engine", "audiu", "", params, seed(), baseDirectory, origin, plugins);
    }

    private static boolean isEngineKey(String key) {
        for (String p : ENGINE_PREFIXES) {
            if (p.endsWith(".") ? key.startsWith(p) : key.equals(p) || key.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails on keys that belong to no component: not a selector, not an engine setting, not under the prefix of a
     * selected component (a {@code features.<name>.} prefix must name a provider of the chain).
     */
    public void failOnUnknownKeys() {
        List<String> featureNames = featureProviders();
        List<String> unknown = new ArrayList<>();
        for (String key : values.keySet()) {
            if (SELECTORS.containsKey(key) || key.equals("seed") || isEngineKey(key)) {
                continue;
            }
            if (key.startsWith("library.") || key.startsWith("scorer.") || key.startsWith("model.")
                    || key.startsWith("candidates.") || key.startsWith("sink.")) {
                continue;
            }
            if (key.startsWith("features.")) {
                String rest = key.substring("features.".length());
                String provider = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
                if (featureNames.contains(provider)) {
                    continue;
                }
                throw new ConfigException("'" + key + "' in " + origin + " configures feature provider '" + provider
                        + "', which is not in the chain 'features = " + String.join(", ", featureNames) + "'. Add it"
                        + " to 'features' or remove the key." + Suggestions.didYouMean(provider, featureNames));
            }
            if (key.startsWith("listener-features.")) {
                String rest = key.substring("listener-features.".length());
                String feature = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
                List<String> selected = listenerFeatures();
                if (selected.contains(feature)) {
                    continue;
                }
                throw new ConfigException("'" + key + "' in " + origin + " configures listener feature '" + feature
                        + "', which is not in 'listener-features = " + String.join(", ", selected) + "'. Add it"
                        + " to 'listener-features' or remove the key." + Suggestions.didYouMean(feature, selected));
            }
            unknown.add(key);
        }
        if (!unknown.isEmpty()) {
            Set<String> known = new java.util.TreeSet<>(SELECTORS.keySet());
            known.add("seed");
            known.addAll(List.of("recommendations", "recommendations.per-artist", "training.negatives-per-liked",
                    "training.holdout", "training.max-negatives", "features.columns", "batch-size"));
            throw new ConfigException("Unknown configuration key" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + " in " + origin + ". Top-level keys are " + known + "; component parameters go under library.,"
                    + " features.<provider>., scorer., model., candidates., sink." + Suggestions.didYouMean(
                    unknown.get(0), known));
        }
    }

    @Override
    public String toString() {
        return "AudiuConfig[" + origin + ", keys=" + values.keySet() + "]";
    }
}
