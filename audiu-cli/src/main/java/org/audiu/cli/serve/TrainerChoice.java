package org.audiu.cli.serve;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;

/**
 * A trainer chosen by name with its parameters, as given on the command line ({@code --genre-model random-forest
 * --genre-param trees=30}). Unknown names and keys fail with the registry's usual message.
 *
 * @param option how the parameters are spelled on the command line, for messages ("--genre-param ")
 */
public record TrainerChoice(String name, Map<String, String> parameters, String option) {
    public TrainerChoice {
        Objects.requireNonNull(name, "name");
        parameters = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(parameters, "parameters")));
        option = option == null ? "" : option;
    }

    /**
     * The named trainer with the given parameters, or, when none are given, {@code defaults} for that name (serve's
     * smaller forests, say), else the trainer's own defaults.
     */
    public static TrainerChoice of(String name, Map<String, String> given, Map<String, Map<String, String>> defaults,
                                   String option) {
        Map<String, String> params = given.isEmpty() ? defaults.getOrDefault(name, Map.of()) : given;
        return new TrainerChoice(name, params, option);
    }

    /** Creates the trainer through the plugin registry, seeded with {@code seed}. */
    public Trainer create(Plugins plugins, long seed) {
        ComponentConfig config = new ComponentConfig(TrainerFactory.KIND.label(), name, option, parameters, seed,
                Path.of("").toAbsolutePath(), "the command line");
        return plugins.create(TrainerFactory.KIND, name, config);
    }

    @Override
    public String toString() {
        return parameters.isEmpty() ? name : name + " " + new java.util.TreeMap<>(parameters);
    }
}
