package org.audiu.models.dl4j;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.junit.jupiter.api.Test;

class MlpTrainerFactoryTest {
    @Test
    void withoutDeeplearning4jTheErrorNamesTheJarsToAdd() {
        MlpTrainerFactory factory = new MlpTrainerFactory(className -> !className.startsWith("org.deeplearning4j"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> factory.create(ComponentConfig.of("trainer", "mlp", Map.of(), 1)));
        assertTrue(e.getMessage().contains("org.deeplearning4j:deeplearning4j-core:1.0.0-M2.1"), e.getMessage());
        assertTrue(e.getMessage().contains("nd4j-native"), e.getMessage());
    }

    @Test
    void loadingANetworkWithoutDeeplearning4jNamesTheJarsToAdd() {
        org.audiu.core.archive.ModelFileException e = assertThrows(org.audiu.core.archive.ModelFileException.class,
                () -> Dl4jSupport.modelReader("net.model", className -> false));
        assertTrue(e.getMessage().contains("net.model") && e.getMessage().contains("deeplearning4j-core"),
                e.getMessage());
    }

    @Test
    void layerSizesAreValidated() {
        ConfigException e = assertThrows(ConfigException.class, () -> new MlpTrainerFactory().create(
                ComponentConfig.of("trainer", "mlp", Map.of("hidden", "64,wide"), 1)));
        assertTrue(e.getMessage().contains("128,64"), e.getMessage());
    }

    @Test
    void deeplearning4jIsOnThisModulesTestClasspath() {
        assertTrue(Dl4jSupport.available());
    }
}
