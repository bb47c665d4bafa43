package org.audiu.models.dl4j;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.models.ModelReaders;
import org.junit.jupiter.api.Test;

class MlpTrainerFactoryTest {
    @Test
    void layerSizesAreValidated() {
        ConfigException e = assertThrows(ConfigException.class, () -> new MlpTrainerFactory().create(
                ComponentConfig.of("trainer", "mlp", Map.of("hidden", "64,wide"), 1)));
        assertTrue(e.getMessage().contains("128,64"), e.getMessage());
    }

    @Test
    void thisJarRegistersTheTrainerAndTheReaderOfItsFiles() {
        assertTrue(Plugins.fromClasspath().registry(TrainerFactory.KIND).names().contains("mlp"));
        assertTrue(ModelReaders.fromClasspath().kinds().contains(MlpModel.KIND));
    }
}
