package org.audiu.models.ensemble;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.PluginContext;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;

/**
 * The member trainers of an ensemble, built by name through the plugin context with their parameters under their name.
 */
record Members(List<String> names, List<Trainer> trainers) {
    Members {
        names = List.copyOf(names);
        trainers = List.copyOf(trainers);
    }

    /**
     * Reads {@code members = a, b} and builds each member from {@code <a>.*} keys.
     *
     * @throws ConfigException for a missing or repeated member, or an ensemble naming itself
     */
    static Members from(ComponentConfig c, PluginContext context, List<String> defaults) {
        return from(c, context, defaults, Map.of());
    }

    /**
     * Reads {@code members = a, b} and builds each member from {@code <a>.*} keys, on top of the parameters the
     * ensemble chooses for that member ({@code memberDefaults}, by member name).
     *
     * @throws ConfigException for a missing or repeated member, or an ensemble naming itself
     */
    static Members from(ComponentConfig c, PluginContext context, List<String> defaults,
                        Map<String, Map<String, String>> memberDefaults) {
        List<String> names = c.getList("members", defaults);
        if (names.size() < 2) {
            throw new ConfigException("'" + c.qualified("members") + "' (trainer '" + c.name() + "') needs at least "
                    + "two trainer names, e.g. " + c.qualified("members") + " = xgboost, random-forest; got " + names
                    + ".");
        }
        List<Trainer> trainers = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (String name : names) {
            if (seen.put(name, true) != null) {
                throw new ConfigException("'" + c.qualified("members") + "' names '" + name + "' twice; each member "
                        + "takes its parameters from '" + c.qualified(name + ".") + "*', so names must differ.");
            }
            if (name.equals(c.name())) {
                throw new ConfigException("The " + c.name() + " ensemble cannot be its own member ('"
                        + c.qualified("members") + "').");
            }
            trainers.add(build(c, context, name, name, memberDefaults.getOrDefault(name, Map.of())));
        }
        return new Members(names, trainers);
    }

    /** Builds the trainer {@code name} with the keys under {@code subPrefix.}. */
    static Trainer build(ComponentConfig c, PluginContext context, String name, String subPrefix) {
        return build(c, context, name, subPrefix, Map.of());
    }

    /**
     * Builds the trainer {@code name} with the keys under {@code subPrefix.}, on top of {@code defaults} (parameters
     * the ensemble chooses for this member unless the configuration sets them).
     */
    static Trainer build(ComponentConfig c, PluginContext context, String name, String subPrefix,
                         Map<String, String> defaults) {
        ComponentConfig child = c.child(TrainerFactory.KIND.label(), name, subPrefix);
        if (!defaults.isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>(defaults);
            merged.putAll(child.values());
            child = new ComponentConfig(child.kind(), name, c.qualified(subPrefix + "."), merged, c.seed(),
                    c.baseDirectory(), c.origin());
        }
        return context.create(TrainerFactory.KIND, name, child);
    }
}
