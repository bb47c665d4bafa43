package org.audiu.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiu.core.plugin.PluginRegistry;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.PluginFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code audiu plugins}: what the classpath offers, by kind. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the plugins found on the classpath, by kind, with the config key that selects them.")
public final class PluginsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print machine-readable JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Plugins plugins = Plugins.fromClasspath();
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (PluginRegistry<?> r : List.of(plugins.librarySources(), plugins.candidateSources(),
                plugins.featureProviders(), plugins.preferenceScorers(), plugins.preferenceSignals(),
                plugins.trainers(), plugins.playlistSinks(), plugins.listenerFeatures())) {
            Map<String, String> byName = new LinkedHashMap<>();
            for (String name : r.names()) {
                PluginFactory<?> f = r.find(name).orElseThrow();
                byName.put(name, f.description());
            }
            all.put(r.kind().configKey(), byName);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(all));
        } else {
            all.forEach((key, byName) -> {
                out.println(key + ":");
                byName.forEach((name, d) -> out.printf("  %-24s %s%n", name, d));
            });
        }
        out.flush();
        return 0;
    }
}
