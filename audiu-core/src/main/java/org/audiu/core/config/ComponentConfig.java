package org.audiu.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of one component, read from the configuration under a prefix ({@code model.trees} reaches the
 * trainer as {@code trees}). Every key a factory reads, with or without a default, is recorded; after
 * {@code create} the registry fails on keys nobody read and lists the known ones, so a typo is never silently
 * ignored.
 *
 * <p>Instances are confined to the thread that creates the component.
 */
public final class ComponentConfig {
    private final String kind;
    private final String name;
    private final String prefix;
    private final Map<String, String> values;
    private final long seed;
    private final Path baseDirectory;
    private final String origin;
    private final Set<String> exemptPrefixes;
    private final Set<String> read = new LinkedHashSet<>();
    private final Map<String, String> effective = new LinkedHashMap<>();

    /**
     * @param kind          the plugin kind, for messages ("trainer")
     * @param name          the component's name ("random-forest")
     * @param prefix        how keys are spelled in the file ("model."), for messages
     * @param values        parameters without the prefix
     * @param seed          the global seed (components derive their own random streams from it)
     * @param baseDirectory relative paths are resolved against it (the config file's folder)
     * @param origin        where the values came from, for messages (a file path, "defaults")
     */
    public ComponentConfig(String kind, String name, String prefix, Map<String, String> values, long seed,
                           Path baseDirectory, String origin) {
        this(kind, name, prefix, values, seed, baseDirectory, origin, Set.of());
    }

    /**
     * As above, with key prefixes that are not this component's to reject: parameters scoped to other plugins of
     * the same kind ({@code model.logistic.epochs} while {@code model = random-forest}), kept so that a config can
     * hold settings for several plugins and switch between them with one key. A component may still read them
     * (an ensemble reads its members' scoped parameters).
     */
    public ComponentConfig(String kind, String name, String prefix, Map<String, String> values, long seed,
                           Path baseDirectory, String origin, Set<String> exemptPrefixes) {
        this.exemptPrefixes = Set.copyOf(exemptPrefixes);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Objects.requireNonNull(name, "name");
        this.prefix = prefix == null ? "" : prefix;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.seed = seed;
        this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
        this.origin = origin == null ? "configuration" : origin;
    }

    /** A config with only the given values, for tests and programmatic use. */
    public static ComponentConfig of(String kind, String name, Map<String, String> values, long seed) {
        return new ComponentConfig(kind, name, "", values, seed, Path.of("").toAbsolutePath(), "code");
    }

    public String kind() { return kind; }
    public String name() { return name; }
    public long seed() { return seed; }
    public Path baseDirectory() { return baseDirectory; }
    public String origin() { return origin; }

    /** The key as written in the configuration file, for messages. */
    public String qualified(String key) {
        return prefix + key;
    }

    public boolean has(String key) {
        read.add(key);
        return values.containsKey(key) && !values.get(key).isBlank();
    }

    public String getString(String key, String defaultValue) {
        String v = raw(key);
        String out = v == null ? defaultValue : v;
        return record(key, out);
    }

    /** Marks a key as read and returns its trimmed value, or null when absent or blank. */
    private String raw(String key) {
        read.add(key);
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** Records the value a getter returned (the default when the key is absent) as the effective parameter. */
    private <V> V record(String key, V value) {
        if (value != null) {
            effective.put(key, value instanceof List<?> list
                    ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value));
        }
        return value;
    }

    public String requireString(String key, String hint) {
        String v = getString(key, null);
        if (v == null) {
            throw new ConfigException("Missing required key '" + qualified(key) + "' for " + kind + " '" + name
                    + "' in " + origin + ". " + hint);
        }
        return v;
    }

    public int getInt(String key, int defaultValue) {
        String v = raw(key);
        if (v == null) {
            return record(key, defaultValue);
        }
        try {
            return record(key, Integer.parseInt(v.replace("_", "")));
        } catch (NumberFormatException e) {
            throw invalid(key, v, "an integer such as " + defaultValue);
        }
    }

    public int getInt(String key, int defaultValue, int min, int max) {
        int v = getInt(key, defaultValue);
        if (v < min || v > max) {
            throw invalid(key, String.valueOf(v), "an integer between " + min + " and " + max);
        }
        return v;
    }

    public long getLong(String key, long defaultValue) {
        String v = raw(key);
        if (v == null) {
            return record(key, defaultValue);
        }
        try {
            return record(key, Long.parseLong(v.replace("_", "")));
        } catch (NumberFormatException e) {
            throw invalid(key, v, "an integer such as " + defaultValue);
        }
    }

    public double getDouble(String key, double defaultValue) {
        String v = raw(key);
        if (v == null) {
            return record(key, defaultValue);
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw invalid(key, v, "a number such as " + defaultValue);
        }
        if (!Double.isFinite(d)) {
            throw invalid(key, v, "a finite number");
        }
        return record(key, d);
    }

    public double getDouble(String key, double defaultValue, double min, double max) {
        double v = getDouble(key, defaultValue);
        if (v < min || v > max) {
            throw invalid(key, String.valueOf(v), "a number between " + min + " and " + max);
        }
        return v;
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String v = raw(key);
        if (v == null) {
            return record(key, defaultValue);
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return record(key, true);
            case "false", "no", "off", "0":
                return record(key, false);
            default:
                throw invalid(key, v, "true or false");
        }
    }

    /** A comma-separated list; blank entries are dropped. */
    public List<String> getList(String key, List<String> defaultValue) {
        String v = raw(key);
        if (v == null) {
            return record(key, defaultValue);
        }
        List<String> out = new ArrayList<>();
        Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return record(key, List.copyOf(out));
    }

    /** One of a fixed set of words (case-insensitive), returned lower-case. */
    public String getChoice(String key, String defaultValue, List<String> choices) {
        String v = getString(key, defaultValue);
        if (v == null) {
            return null;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (!choices.contains(lower)) {
            throw invalid(key, v, "one of " + choices + "." + Suggestions.didYouMean(v, choices));
        }
        return record(key, lower);
    }

    /** A path, resolved against the configuration file's folder when relative. */
    public Path getPath(String key, Path defaultValue) {
        String v = raw(key);
        if (v == null) {
            return record(key, defaultValue);
        }
        Path p = Path.of(v.startsWith("~/") ? System.getProperty("user.home") + v.substring(1) : v);
        return record(key, p.isAbsolute() ? p : baseDirectory.resolve(p).normalize());
    }

    /**
     * One path or several separated by commas ({@code a.csv, b.csv}), each resolved like {@link #getPath}; empty
     * when the key is not set.
     *
     * @throws ConfigException for a value that names no path ({@code ","}) or names one twice
     */
    public List<Path> getPaths(String key) {
        String v = raw(key);
        if (v == null) {
            return record(key, List.of());
        }
        List<Path> out = new ArrayList<>();
        for (String part : v.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            Path path = Path.of(p.startsWith("~/") ? System.getProperty("user.home") + p.substring(1) : p);
            path = path.isAbsolute() ? path : baseDirectory.resolve(path).normalize();
            if (out.contains(path)) {
                throw invalid(key, v, "a list of different files (" + path + " is named twice)");
            }
            out.add(path);
        }
        if (out.isEmpty()) {
            throw invalid(key, v, "a path, or several separated by commas");
        }
        return record(key, List.copyOf(out));
    }

    /** {@link #getPaths}, failing with {@code hint} when the key is not set. */
    public List<Path> requirePaths(String key, String hint) {
        requireString(key, hint);
        return getPaths(key);
    }

    public Path requirePath(String key, String hint) {
        requireString(key, hint);
        return getPath(key, null);
    }

    /** Every key under {@code prefix + "."}, with the prefix removed, all marked as read. */
    public Map<String, String> subMap(String subPrefix) {
        String p = subPrefix.endsWith(".") ? subPrefix : subPrefix + ".";
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(p)) {
                read.add(k);
                effective.put(k, v.trim());
                out.put(k.substring(p.length()), v);
            }
        });
        return out;
    }

    /** A child config for a nested component, with keys under {@code subPrefix.}; those keys count as read here. */
    public ComponentConfig child(String childKind, String childName, String subPrefix) {
        Map<String, String> sub = subMap(subPrefix);
        return new ComponentConfig(childKind, childName, prefix + subPrefix + ".", sub, seed, baseDirectory, origin);
    }

    /** All raw values (not marking anything as read): for provenance records. */
    public Map<String, String> values() {
        return values;
    }

    /**
     * The component's parameters as it read them: every key a getter was asked for, with the value it returned (the
     * default when the key was absent), in reading order. Provenance derives from this, so a factory declares each
     * parameter once, in the getter call with its default and range.
     */
    public Map<String, String> effectiveParameters() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(effective));
    }

    /** Keys the component read (known keys), in reading order. */
    public Set<String> readKeys() {
        return Collections.unmodifiableSet(read);
    }

    /** Keys present in the configuration that the component never read. */
    public Set<String> unreadKeys() {
        Set<String> out = new TreeSet<>(values.keySet());
        out.removeAll(read);
        out.removeIf(k -> exemptPrefixes.stream().anyMatch(k::startsWith));
        return out;
    }

    /**
     * Keys present that belong to other plugins of the kind (an exempt prefix) and that this component did not read:
     * the caller checks them against those plugins.
     */
    public Set<String> unreadKeysOfOthers() {
        Set<String> out = new TreeSet<>(values.keySet());
        out.removeAll(read);
        out.removeIf(k -> exemptPrefixes.stream().noneMatch(k::startsWith));
        return out;
    }

    /**
     * Fails when keys were given that the component does not know.
     *
     * @throws ConfigException listing the unknown keys, the known ones and a "did you mean"
     */
    public void failOnUnreadKeys() {
        Set<String> unknown = unreadKeys();
        if (unknown.isEmpty()) {
            return;
        }
        List<String> known = read.stream().map(this::qualified).sorted().toList();
        StringBuilder sb = new StringBuilder();
        sb.append("Unknown key").append(unknown.size() > 1 ? "s " : " ");
        sb.append(unknown.stream().map(this::qualified).toList());
        sb.append(" for ").append(kind).append(" '").append(name).append("' in ").append(origin).append('.');
        sb.append(" Known keys: ").append(known.isEmpty() ? "(none: this component takes no parameters)" : known)
                .append('.');
        String first = qualified(unknown.iterator().next());
        sb.append(Suggestions.didYouMean(first, known));
        throw new ConfigException(sb.toString());
    }

    private ConfigException invalid(String key, String value, String expected) {
        return new ConfigException("Invalid value '" + value + "' for '" + qualified(key) + "' (" + kind + " '" + name
                + "') in " + origin + ": expected " + expected + ".");
    }

    @Override
    public String toString() {
        return "ComponentConfig[" + kind + " '" + name + "', keys=" + values.keySet() + "]";
    }
}
