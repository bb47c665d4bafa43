package org.audiu.models.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.core.testkit.TestData;
import org.audiu.models.ModelFiles;
import org.audiu.models.ensemble.StackingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With this jar on the classpath, stacking's default members include the mlp (small sizes here, the default member
 * list), and a saved stack loads its network member through the ServiceLoader-found reader.
 */
class StackingWithMlpTest {
    @Test
    void stackingWithTheDefaultMembersTrainsAndReloadsItsMlp(@TempDir Path tmp) throws Exception {
        Map<String, String> params = Map.of("folds", "2", "xgboost.trees", "5", "xgboost.threads", "1",
                "random-forest.trees", "5", "extra-trees.trees", "5", "mlp.hidden", "8", "mlp.epochs", "5",
                "logistic.epochs", "3");
        ComponentConfig c = new ComponentConfig("trainer", "stacking", "model.", params, 3, Path.of("."), "test");
        Trainer trainer = Plugins.fromClasspath().create(TrainerFactory.KIND, "stacking", c);
        LabelledData data = TestData.blobs(3, 30, 3, 8);
        StackingModel model = (StackingModel) trainer.train(data);
        assertEquals("xgboost,random-forest,extra-trees,mlp,logistic", model.provenance().parameters().get("members"));
        assertEquals(List.of("xgboost", "random-forest", "extra-trees", "mlp", "logistic"),
                model.members().stream().map(m -> m.provenance().trainer()).toList());
        Map<String, String> mlp = model.members().get(3).provenance().parameters();
        assertEquals("1024", mlp.get("batch-size"), "stacking's mlp default, recorded: " + mlp);
        assertEquals("0.003", mlp.get("learning-rate"), mlp.toString());
        assertEquals("8", mlp.get("hidden"), "the configuration wins over stacking's default: " + mlp);
        Path file = tmp.resolve("stack.model");
        model.save(file);
        TrainedModel loaded = ModelFiles.load(file, data.schema());
        double[][] a = model.predictProbabilities(data.featureMatrix());
        double[][] b = loaded.predictProbabilities(data.featureMatrix());
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
    }
}
