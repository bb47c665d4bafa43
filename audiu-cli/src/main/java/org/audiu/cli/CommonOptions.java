package org.audiu.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.audiu.core.config.AudiuConfig;
import picocli.CommandLine.Option;

/** Options shared by commands that read a configuration. */
public final class CommonOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (Java properties). Default: the embedded demo, no account needed.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a configuration key, e.g. --set model=logistic (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print machine-readable JSON on standard output.")
    boolean json;

    @Option(names = "--verbose", description = "Log progress details and show stack traces of errors.")
    boolean verbose;

    /** The configuration with overrides applied. */
    public AudiuConfig loadConfig() {
        AudiuConfig base = config == null ? AudiuConfig.defaults() : AudiuConfig.load(config);
        return base.with(overrides);
    }

    public boolean json() {
        return json;
    }

    /** The --config file, or null for the embedded demo. */
    public Path configFile() {
        return config;
    }
}
