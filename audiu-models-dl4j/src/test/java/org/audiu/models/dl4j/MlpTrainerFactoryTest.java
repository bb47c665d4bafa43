package org.audiu.models.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.core.testkit.TestData;
import org.audiu.models.ModelFiles;
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

    @Test
    void provenanceHoldsEveryParameterReadWithItsDefault() throws Exception {
        ComponentConfig c = ComponentConfig.of("trainer", "mlp", Map.of("hidden", "8, 4", "epochs", "3"), 1);
        TrainedModel model = new MlpTrainerFactory().create(c).train(TestData.blobs(3, 30, 3, 8));
        Map<String, String> p = model.provenance().parameters();
        assertEquals(c.effectiveParameters(), p);
        assertEquals("8,4", p.get("hidden"), p.toString());
        assertEquals("0.001", p.get("learning-rate"), p.toString());
        assertEquals("auto", p.get("log"), p.toString());
        assertEquals(p, ModelFiles.fromBytes(model.toBytes(), "mlp bytes").provenance().parameters());
    }
}
