package org.audiu.models.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.core.testkit.TestData;
import org.audiu.models.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleConfigTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath();

    static Object create(String name, Map<String, String> params) {
        ComponentConfig c = new ComponentConfig("trainer", name, "model.", params, 3, Path.of("."), "test.properties");
        return PLUGINS.create(TrainerFactory.KIND, name, c);
    }

    @Test
    void memberParametersAreCheckedUnderTheMembersPrefix() {
        ConfigException e = assertThrows(ConfigException.class, () -> create("voting", Map.of(
                "members", "logistic, random-forest", "random-forest.tres", "10")));
        assertTrue(e.getMessage().contains("model.random-forest.tres"), e.getMessage());
        assertTrue(e.getMessage().contains("model.random-forest.trees"), e.getMessage());
    }

    @Test
    void unknownMemberNamesListTheAvailableTrainers() {
        ConfigException e = assertThrows(ConfigException.class, () -> create("stacking", Map.of(
                "members", "logistic, random-forrest")));
        assertTrue(e.getMessage().contains("random-forrest") && e.getMessage().contains("random-forest"),
                e.getMessage());
    }

    @Test
    void membersMustBeTwoDistinctOthers() {
        assertThrows(ConfigException.class, () -> create("voting", Map.of("members", "logistic")));
        assertThrows(ConfigException.class, () -> create("voting", Map.of("members", "logistic, logistic")));
        assertThrows(ConfigException.class, () -> create("voting", Map.of("members", "voting, logistic")));
        ConfigException e = assertThrows(ConfigException.class, () -> create("voting", Map.of(
                "members", "logistic, cart", "weights", "1")));
        assertTrue(e.getMessage().contains("1 values for 2 members"), e.getMessage());
    }

    @Test
    void nestedEnsemblesSaveAndLoad(@TempDir Path tmp) throws Exception {
        LabelledData data = TestData.blobs(3, 30, 3, 8);
        TrainedModel model = ((org.audiu.core.spi.training.Trainer) create("stacking", Map.of(
                "members", "voting, cart", "folds", "3", "meta.cost", "0.5",
                "voting.members", "logistic, extra-trees", "voting.extra-trees.trees", "5", "voting.logistic.epochs",
                "3"))).train(data);
        Path file = tmp.resolve("nested.model");
        model.save(file);
        TrainedModel loaded = ModelFiles.load(file);
        double[][] a = model.predictProbabilities(data.featureMatrix());
        double[][] b = loaded.predictProbabilities(data.featureMatrix());
        for (int i = 0; i < a.length; i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a[i], b[i], 0.0);
        }
        assertEquals("stacking", loaded.provenance().trainer());
        assertEquals(2, ((StackingModel) loaded).members().size());
    }

    @Test
    void theDefaultMetaModelIsAConvergedBalancedLogisticRegression() {
        LabelledData data = TestData.blobs(3, 30, 3, 8);
        StackingModel model = (StackingModel) ((org.audiu.core.spi.training.Trainer) create("stacking", Map.of(
                "members", "logistic, cart", "folds", "2"))).train(data);
        assertEquals("logistic-liblinear", model.meta().provenance().trainer());
        assertEquals("balanced", model.provenance().parameters().get("meta-class-weight"));
    }

    @Test
    void anSgdLogisticMetaModelGetsStackingsDefaultsUnlessTheConfigSetsThem() {
        LabelledData data = TestData.blobs(3, 30, 3, 8);
        StackingModel byDefault = (StackingModel) ((org.audiu.core.spi.training.Trainer) create("stacking", Map.of(
                "members", "logistic, cart", "folds", "2", "meta", "logistic"))).train(data);
        assertEquals("100", byDefault.meta().provenance().parameters().get("epochs"));
        assertEquals("1024", byDefault.meta().provenance().parameters().get("minibatch"));
        StackingModel configured = (StackingModel) ((org.audiu.core.spi.training.Trainer) create("stacking", Map.of(
                "members", "logistic, cart", "folds", "2", "meta", "logistic", "meta.epochs", "7"))).train(data);
        assertEquals("7", configured.meta().provenance().parameters().get("epochs"));
        assertEquals("1024", configured.meta().provenance().parameters().get("minibatch"));
    }

    @Test
    void stackingMembersGetStackingsSizesUnlessTheConfigSetsThemAndProvenanceRecordsThem() {
        LabelledData data = TestData.blobs(3, 30, 3, 8);
        StackingModel byDefault = (StackingModel) ((org.audiu.core.spi.training.Trainer) create("stacking", Map.of(
                "members", "random-forest, extra-trees", "folds", "2"))).train(data);
        assertEquals("100", byDefault.members().get(0).provenance().parameters().get("trees"));
        assertEquals("100", byDefault.members().get(1).provenance().parameters().get("trees"));
        StackingModel configured = (StackingModel) ((org.audiu.core.spi.training.Trainer) create("stacking", Map.of(
                "members", "random-forest, cart", "folds", "2", "random-forest.trees", "7"))).train(data);
        assertEquals("7", configured.members().get(0).provenance().parameters().get("trees"));
        TrainedModel alone = ((org.audiu.core.spi.training.Trainer) create("random-forest", Map.of())).train(data);
        assertEquals("300", alone.provenance().parameters().get("trees"));
        StackingModel withXgboost = (StackingModel) ((org.audiu.core.spi.training.Trainer) create("stacking", Map.of(
                "members", "xgboost, cart", "folds", "2", "xgboost.trees", "5"))).train(data);
        Map<String, String> xgboost = withXgboost.members().get(0).provenance().parameters();
        assertEquals("0", xgboost.get("early-stopping-rounds"), xgboost.toString());
        assertEquals("1", xgboost.get("threads"), xgboost.toString());
    }

    @Test
    void withoutTheDl4jJarStackingsDefaultMembersFailNamingMlpAndTheJar() {
        ConfigException e = assertThrows(ConfigException.class, () -> create("stacking", Map.of()));
        assertTrue(e.getMessage().contains("[mlp]") && e.getMessage().contains("org.audiu:audiu-models-dl4j")
                && e.getMessage().contains("model.members = xgboost, random-forest, extra-trees, logistic"),
                e.getMessage());
    }

    @Test
    void withoutTheDl4jJarTheMlpTrainerIsUnknownAndTheMessageNamesTheJar() {
        ConfigException e = assertThrows(ConfigException.class, () -> create("mlp", Map.of()));
        assertTrue(e.getMessage().contains("No trainer named 'mlp'") && e.getMessage().contains("audiu-models-dl4j"),
                e.getMessage());
    }
}
