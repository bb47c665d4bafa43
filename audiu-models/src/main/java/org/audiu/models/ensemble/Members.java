package org.audiu.models.ensemble;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.PluginKind;
import org.audiu.core.spi.Trainer;

/** The member trainers of an ensemble, built by name from the registry with their parameters under their name. */
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
    static Members from(ComponentConfig c, List<String> defaults) {
        return from(c, defaults, Map.of());
    }

    /**
     * Reads {@code members = a, b} and builds each member from {@code <a>.*} keys, on top of the parameters the
     * ensemble chooses for that member ({@code memberDefaults}, by member name).
     *
     * @throws ConfigException for a missing or repeated member, or an ensemble naming itself
     */
    static Members from(ComponentConfig c, List<String> defaults, Map<String, Map<String, String>> memberDefaults) {
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
            trainers.add(build(c, name, name, memberDefaults.getOrDefault(name, Map.of())));
        }
        return new Members(names, trainers);
    }

    /** Builds the trainer {@code name} with the keys under {@code subPrefix.}. */
    static Trainer build(ComponentConfig c, String name, String subPrefix) {
        return build(c, name, subPrefix, Map.of());
    }

    /**
     * Builds the trainer {@code name} with the keys under {@code subPrefix.}, on top of {@code defaults} (parameters
     * the ensemble chooses for this member unless the configuration sets them).
     */
    static Trainer build(ComponentConfig c, String name, String subPrefix, Map<String, String> defaults) {
        ComponentConfig child = c.child(PluginKind.TRAINER.label(), name, subPrefix);
        if (!defaults.isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>(defaults);
            merged.putAll(child.values());
            child = new ComponentConfig(child.kind(), name, c.qualified(subPrefix + "."), merged, c.seed(),
                    c.baseDirectory(), c.origin(), c.plugins());
        }
        return c.plugins().trainers().create(name, child);
    }
}
