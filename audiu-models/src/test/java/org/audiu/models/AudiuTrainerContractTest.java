package org.audiu.models;

import java.nio.file.Path;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.PluginContext;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.testkit.TrainerContractTest;

/**
 * The trainer contract for this module's trainers, with the save/load round trip through {@link ModelFiles} and a
 * configuration that carries the classpath's plugins (ensembles build their members from it).
 */
public abstract class AudiuTrainerContractTest extends TrainerContractTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath();

    @Override
    protected ComponentConfig config(Map<String, String> parameters, long seed) {
        return new ComponentConfig("trainer", factory().name(), "model.", parameters, seed, Path.of("."), "test");
    }

    @Override
    protected PluginContext context() {
        return PLUGINS;
    }

    @Override
    protected TrainedModel reload(Path file) {
        return ModelFiles.load(file);
    }
}
