package org.audiu.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configuration file: Java properties ({@code key = value}, {@code #} comments). Keys that select components
 * ({@code model = random-forest}) and the scoping rule of their parameters ({@code model.random-forest.trees}) are
 * described once, on {@link org.audiu.core.spi.PluginKind}; {@code org.audiu.core.plugin.Components} applies them.
 * Engine settings ({@code recommendations}, {@code training.*}, ...) are read by the engine. This class is the file's
 * values, where they came from and the global {@code seed}; it knows no plugin. Immutable.
 */
public final class AudiuConfig {
    private final Map<String, String> values;
    private final Path baseDirectory;
    private final String origin;

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
     * @throws ConfigException when the file is missing, a folder or unreadable, or sets a key twice
     */
    public static AudiuConfig load(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException("Configuration " + file.toAbsolutePath() + " is a folder, not a file. Pass a "
                    + "properties file with --config (examples live in audiu-examples/config/), or omit --config to "
                    + "use the embedded demo.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Configuration file not found: " + file.toAbsolutePath()
                    + ". Pass an existing file with --config, or omit --config to use the embedded demo "
                    + "(examples live in audiu-examples/config/).");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException("Could not read configuration " + file.toAbsolutePath() + ": " + e.getMessage()
                    + (e instanceof java.nio.charset.CharacterCodingException
                    ? " (the file is not UTF-8 text; save it as UTF-8)" : ""), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        PropertiesFile.entries(lines, file.toString()).forEach((key, value) -> values.put(key, stripComment(value)));
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

    /** The trimmed value of a key, or empty when absent or blank. */
    public java.util.Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v.trim());
    }

    /**
     * A component's parameters: {@code values} (keys without their prefix) as a {@link ComponentConfig} that
     * resolves paths against this file's folder and names this file in messages.
     *
     * @param exemptPrefixes keys (without the prefix) that belong to other plugins of the same kind
     */
    public ComponentConfig component(String kind, String name, String prefix, Map<String, String> params,
                                     Set<String> exemptPrefixes) {
        return new ComponentConfig(kind, name, prefix, params, seed(), baseDirectory, origin, exemptPrefixes);
    }

    @Override
    public String toString() {
        return "AudiuConfig[" + origin + ", keys=" + values.keySet() + "]";
    }
}
