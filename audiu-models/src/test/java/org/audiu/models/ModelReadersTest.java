package org.audiu.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.audiu.core.archive.ModelArchive;
import org.audiu.core.archive.ModelFileException;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.training.ModelProvenance;
import org.audiu.models.ensemble.StackingModel;
import org.audiu.models.ensemble.VotingModel;
import org.audiu.models.trees.ForestModel;
import org.audiu.models.tribuo.TribuoModel;
import org.junit.jupiter.api.Test;

/** Model readers come from META-INF/services, one per payload kind, and a kind nobody reads says what to add. */
class ModelReadersTest {
    private static byte[] archiveOfKind(String kind) throws Exception {
        Properties meta = new Properties();
        meta.setProperty("kind", kind);
        return ModelArchive.toBytes(meta, Map.of());
    }

    @Test
    void theBuiltInReadersAreFoundOnTheClasspath() {
        assertTrue(ModelReaders.fromClasspath().kinds().containsAll(List.of(TribuoModel.KIND, ForestModel.KIND,
                VotingModel.KIND, StackingModel.KIND)), ModelReaders.fromClasspath().kinds().toString());
    }

    @Test
    void twoReadersOfOneKindFailNamingBothClasses() {
        ModelReader other = new ModelReader() {
            @Override
            public String kind() {
                return ForestModel.KIND;
            }

            @Override
            public AudiuModel read(ModelArchive archive, ModelProvenance provenance, ModelFiles loader) {
                throw new AssertionError("never read");
            }
        };
        ConfigException e = assertThrows(ConfigException.class,
                () -> ModelReaders.of(new ForestModel.Reader(), other));
        assertTrue(e.getMessage().contains(ForestModel.Reader.class.getName())
                && e.getMessage().contains(other.getClass().getName()) && e.getMessage().contains("'forest'"),
                e.getMessage());
    }

    @Test
    void aKindWithoutReaderListsTheReadableKinds() throws Exception {
        ModelFiles loader = ModelFiles.with(ModelReaders.of(new ForestModel.Reader(), new TribuoModel.Reader()));
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> ModelFiles.fromBytes(archiveOfKind("quantum"), "q.model"));
        assertTrue(e.getMessage().contains("q.model") && e.getMessage().contains("'quantum'")
                && e.getMessage().contains("forest"), e.getMessage());
        assertEquals(List.of("forest", "tribuo"), ModelReaders.of(new ForestModel.Reader(), new TribuoModel.Reader())
                .kinds());
        e = assertThrows(ModelFileException.class, () -> loader.member(archiveOfKind("quantum"), "m.model"));
        assertTrue(e.getMessage().contains("[forest, tribuo]"), e.getMessage());
    }

    @Test
    void aNeuralNetworkWithoutTheDl4jJarNamesTheJarToAdd() throws Exception {
        // audiu-models' own classpath has no Deeplearning4j and no mlp reader.
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> ModelFiles.fromBytes(archiveOfKind("mlp"), "net.model"));
        assertTrue(e.getMessage().contains("net.model") && e.getMessage().contains("org.audiu:audiu-models-dl4j"),
                e.getMessage());
    }
}
