package org.audiu.cli;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;
import picocli.CommandLine.Option;

/** The trainer of a genre command: its name, its parameters and the seed. */
public final class ModelOptions {
    /** The default genre model: the best single trainer on both shared datasets. */
    static final String DEFAULT_MODEL = "xgboost";

    @Option(names = "--model", paramLabel = "NAME", defaultValue = DEFAULT_MODEL,
            description = "Trainer name (see 'audiu plugins'); default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A trainer parameter, e.g. --set trees=300 (the 'model.' prefix is optional; repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    /** The trainer with this seed. */
    Trainer trainer(Plugins plugins, long withSeed) {
        return create(plugins, model, stripPrefix(parameters), withSeed);
    }

    static Map<String, String> stripPrefix(Map<String, String> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k.startsWith("model.") ? k.substring("model.".length()) : k, v));
        return out;
    }

    /**
     * Parameters given as {@code NAME.KEY=VALUE} ({@code --set random-forest.trees=500}, the {@code model.} prefix
     * optional), by trainer name (every trainer gets a map, perhaps empty); a key that names none of the trainers
     * fails with how to write it.
     */
    static Map<String, Map<String, String>> parametersByTrainer(List<String> trainers, Map<String, String> raw,
                                                               String command) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String t : trainers) {
            out.put(t, new LinkedHashMap<>());
        }
        raw.forEach((key, value) -> {
            String k = key.startsWith("model.") ? key.substring("model.".length()) : key;
            String owner = trainers.stream().filter(t -> k.startsWith(t + ".")).max(Comparator.comparingInt(
                    String::length)).orElse(null);
            if (owner == null) {
                throw new ConfigException("--set " + key + ": " + command + " needs the trainer's name in front of "
                        + "the key, e.g. --set " + trainers.get(0) + "." + k + "=" + value + " (trainers: " + trainers
                        + ").");
            }
            out.get(owner).put(k.substring(owner.length() + 1), value);
        });
        return out;
    }

    /** Creates a trainer by name; unknown names and keys fail with the known ones. */
    static Trainer create(Plugins plugins, String name, Map<String, String> parameters, long seed) {
        return create(plugins, name, parameters, seed, "model.");
    }

    /**
     * As above, for parameters given as {@code NAME.KEY=VALUE} ({@link #parametersByTrainer}): an unknown key is
     * reported as the user wrote it, {@code random-forest.leaves}, with the known ones written the same way.
     */
    static Trainer createNamed(Plugins plugins, String name, Map<String, String> parameters, long seed) {
        return create(plugins, name, parameters, seed, name + ".");
    }

    private static Trainer create(Plugins plugins, String name, Map<String, String> parameters, long seed,
                                  String keyPrefix) {
        ComponentConfig config = new ComponentConfig(TrainerFactory.KIND.label(), name, keyPrefix, parameters, seed,
                Path.of("").toAbsolutePath(), "the command line (--set)");
        return plugins.create(TrainerFactory.KIND, name, config);
    }
}
