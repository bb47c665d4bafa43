package org.audiu.core.twostage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.config.AudiuConfig;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.PluginRegistry;
import org.audiu.core.spi.retrieval.RetrieverFactory;

/**
 * The two-stage recommender's configuration, every key under {@code two-stage.}:
 * <ul>
 *   <li>{@code two-stage.candidates}: at most this many candidates reach stage 2 (default 500);</li>
 *   <li>{@code two-stage.retrievers}: the retrievers, a list of {@link RetrieverFactory} names (default
 *       {@code co-membership, artists, audio-neighbours, listener-model, popularity}); each one's
 *       {@code two-stage.retrievers.<name>.limit} (how many it proposes) and its own parameters;</li>
 *   <li>{@code two-stage.folds}: in evaluation, the playlists are cut into this many folds, and a listener's ranker is
 *       trained on the other folds' playlists only (default 5);</li>
 *   <li>{@code two-stage.negatives-per-query}: training keeps every relevant candidate of a query and this many of
 *       its others, sampled with the seed (default 150);</li>
 *   <li>{@code two-stage.ranker-file}: a ranker saved by {@code audiu ranker train} (none: the single-stage engine
 *       runs);</li>
 *   <li>{@code two-stage.ranker.*}: the ranker trainer's parameters ({@link #rankerParameters()}).</li>
 * </ul>
 * Every key is checked: an unknown one, or one for a retriever not in the list, fails naming it.
 */
public record TwoStageSettings(int candidates, int folds, int negativesPerQuery, List<NamedRetriever> retrievers,
                               Optional<Path> rankerFile, ComponentConfig rankerParameters,
                               Map<String, String> effective) {
    /** How many candidates each built-in retriever proposes by default. */
    private static final Map<String, Integer> DEFAULT_LIMITS = Map.of("co-membership", 300, "artists", 300,
            "audio-neighbours", 100, "listener-model", 200, "popularity", 50);
    private static final String PREFIX = "two-stage.";
    private static final String RETRIEVERS = "two-stage.retrievers";
    private static final String RANKER = "two-stage.ranker.";

    public TwoStageSettings {
        retrievers = List.copyOf(retrievers);
        effective = Map.copyOf(effective);
    }

    /** Whether a configuration sets any two-stage key. */
    public static boolean configured(AudiuConfig config) {
        return config.values().keySet().stream().anyMatch(k -> k.equals("two-stage") || k.startsWith(PREFIX));
    }

    /**
     * Checks every {@code two-stage.*} key of a configuration (building the retrievers and reading the ranker
     * file's path) and marks them read in the engine's section, which holds them beside its own.
     */
    public static void validate(AudiuConfig config, ComponentConfig engineSection) {
        if (!configured(config)) {
            return;
        }
        from(config);
        for (String k : engineSection.values().keySet()) {
            if (k.equals("two-stage") || k.startsWith(PREFIX)) {
                engineSection.getString(k, null);
            }
        }
    }

    /** Reads the settings, creating the retrievers from the classpath's {@link RetrieverFactory} plugins. */
    public static TwoStageSettings from(AudiuConfig config) {
        return from(config, PluginRegistry.load(RetrieverFactory.KIND, TwoStageSettings.class.getClassLoader()));
    }

    /** Reads the settings with these retriever plugins. */
    public static TwoStageSettings from(AudiuConfig config, PluginRegistry<RetrieverFactory> registry) {
        Map<String, String> own = new LinkedHashMap<>();
        Map<String, String> ranker = new LinkedHashMap<>();
        Map<String, Map<String, String>> perRetriever = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : config.values().entrySet()) {
            String k = e.getKey();
            if (k.equals("two-stage")) {
                throw new ConfigException("'two-stage' in " + config.origin() + " is not a key: the two-stage "
                        + "recommender's keys are two-stage.candidates, two-stage.retrievers, two-stage.folds, "
                        + "two-stage.negatives-per-query, two-stage.ranker-file and two-stage.ranker.*.");
            }
            if (!k.startsWith(PREFIX)) {
                continue;
            }
            if (k.startsWith(RANKER)) {
                ranker.put(k.substring(RANKER.length()), e.getValue());
            } else if (k.startsWith(RETRIEVERS + ".")) {
                String rest = k.substring(RETRIEVERS.length() + 1);
                int dot = rest.indexOf('.');
                if (dot <= 0) {
                    throw new ConfigException("'" + k + "' in " + config.origin() + " names no retriever parameter: "
                            + "write two-stage.retrievers.<name>.<key>, for example "
                            + "two-stage.retrievers.co-membership.limit = 300.");
                }
                perRetriever.computeIfAbsent(rest.substring(0, dot), n -> new LinkedHashMap<>())
                        .put(rest.substring(dot + 1), e.getValue());
            } else {
                own.put(k.substring(PREFIX.length()), e.getValue());
            }
        }
        ComponentConfig c = config.component("two-stage recommender", "two-stage", PREFIX, own, Set.of());
        int candidates = c.getInt("candidates", 500, 10, 100_000);
        int folds = c.getInt("folds", 5, 2, 100);
        int negatives = c.getInt("negatives-per-query", 150, 1, 1_000_000);
        List<String> names = c.getList("retrievers", RetrieverFactory.KIND.defaultNames());
        Path rankerFile = c.getPath("ranker-file", null);
        c.failOnUnreadKeys();
        if (names.isEmpty()) {
            throw new ConfigException("two-stage.retrievers in " + config.origin() + " is empty: name at least one "
                    + "retriever, from " + registry.names() + ".");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new ConfigException("two-stage.retrievers in " + config.origin() + " names a retriever twice: "
                    + names + ".");
        }
        for (String n : perRetriever.keySet()) {
            if (!names.contains(n)) {
                throw new ConfigException("'two-stage.retrievers." + n + ".*' in " + config.origin()
                        + " configures retriever '" + n + "', which is not in 'two-stage.retrievers = "
                        + String.join(", ", names) + "'. Add it to the list or remove the key.");
            }
        }
        Map<String, String> effective = new LinkedHashMap<>(c.effectiveParameters());
        List<NamedRetriever> retrievers = new ArrayList<>();
        for (String n : names) {
            ComponentConfig rc = config.component(RetrieverFactory.KIND.label(), n, RETRIEVERS + "." + n + ".",
                    perRetriever.getOrDefault(n, Map.of()), Set.of());
            int limit = rc.getInt("limit", DEFAULT_LIMITS.getOrDefault(n, 100), 1, 1_000_000);
            retrievers.add(new NamedRetriever(n, registry.create(n, rc), limit));
            rc.effectiveParameters().forEach((k, v) -> effective.put("retrievers." + n + "." + k, v));
        }
        ComponentConfig rankerConfig = config.component("ranker trainer", "xgboost-rank", RANKER, ranker, Set.of());
        return new TwoStageSettings(candidates, folds, negatives, retrievers, Optional.ofNullable(rankerFile),
                rankerConfig, effective);
    }

    /**
     * How a trained recommender refers to the configured ranker file: {@code "<file name> sha256 <hex>"}, the
     * SHA-256 of the file's bytes (what {@code audiu ranker train} prints); empty without a ranker file.
     *
     * @throws ConfigException when the file cannot be read
     */
    public Optional<String> rankerReference() {
        if (rankerFile.isEmpty()) {
            return Optional.empty();
        }
        Path file = rankerFile.get();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files
                    .readAllBytes(file));
            return Optional.of(file.getFileName() + " sha256 " + java.util.HexFormat.of().formatHex(digest));
        } catch (java.io.IOException e) {
            throw new ConfigException("two-stage.ranker-file = " + file + " cannot be read (" + e.getMessage()
                    + "). Train one with './audiu ranker train --catalogue FILE --out " + file + "'.");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The retrievers' names, in order. */
    public List<String> retrieverNames() {
        return retrievers.stream().map(NamedRetriever::name).toList();
    }
}
