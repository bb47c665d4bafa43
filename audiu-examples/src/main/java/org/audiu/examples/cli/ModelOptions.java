package org.audiu.examples.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.PluginKind;
import org.audiu.core.spi.Plugins;
import org.audiu.core.spi.Trainer;
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

    /** Creates a trainer by name; unknown names and keys fail with the known ones. */
    static Trainer create(Plugins plugins, String name, Map<String, String> parameters, long seed) {
        ComponentConfig config = new ComponentConfig(PluginKind.TRAINER.label(), name, "model.", parameters, seed,
                Path.of("").toAbsolutePath(), "the command line (--set)", plugins);
        return plugins.trainers().create(name, config);
    }
}
