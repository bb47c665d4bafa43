package org.audiu.models.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audiu.core.DataException;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.plugin.Plugins;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.core.spi.training.Trainer;
import org.audiu.core.spi.training.TrainerFactory;
import org.audiu.core.testkit.TestData;
import org.audiu.models.compiled.FastScoring;
import org.junit.jupiter.api.Test;

class StackingTrainerTest {
    private static final Plugins PLUGINS = Plugins.fromClasspath();

    private static Trainer stacking(Map<String, String> params) {
        ComponentConfig c = new ComponentConfig("trainer", "stacking", "model.", params, 5, Path.of("."),
                "test.properties");
        return (Trainer) PLUGINS.create(TrainerFactory.KIND, "stacking", c);
    }

    private static Map<String, String> members(String threads) {
        Map<String, String> p = new HashMap<>(Map.of("members", "xgboost, random-forest, extra-trees, logistic",
                "xgboost.trees", "20", "random-forest.trees", "15", "extra-trees.trees", "15",
                "logistic.epochs", "3"));
        p.put("threads", threads);
        return p;
    }

    @Test
    void theModelIsTheSameForAnyNumberOfWorkers() {
        LabelledData data = TestData.blobs(4, 40, 4, 11);
        double[][] rows = data.featureMatrix();
        double[][] one = stacking(members("1")).train(data).predictProbabilities(rows);
        double[][] three = stacking(members("3")).train(data).predictProbabilities(rows);
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(one[i], three[i], 0.0, "row " + i);
        }
    }

    @Test
    void treeMembersTrainOnOneThreadEachAndStackingRecordsItsWorkers() {
        StackingModel model = (StackingModel) stacking(members("2")).train(TestData.blobs(3, 30, 3, 8));
        assertEquals("2", model.provenance().parameters().get("threads"));
        for (TrainedModel m : model.members()) {
            if (!m.provenance().trainer().equals("logistic")) {
                assertEquals("1", m.provenance().parameters().get("threads"), m.provenance().trainer());
            }
        }
    }

    @Test
    void aFailingMemberFailsTheTrainingWithItsOwnError() {
        DataException boom = new DataException("member broke");
        Trainer failing = data -> {
            throw boom;
        };
        Trainer fine = (Trainer) PLUGINS.create(TrainerFactory.KIND, "logistic", new ComponentConfig("trainer",
                "logistic", "model.", Map.of("epochs", "2"), 1, Path.of("."), "test.properties"));
        Members members = new Members(List.of("fine", "failing"), List.of(fine, failing));
        StackingTrainer trainer = new StackingTrainer(members, fine, "none", 2, false, 2, Map.of(), 1);
        DataException e = assertThrows(DataException.class, () -> trainer.train(TestData.blobs(3, 20, 3, 2)));
        assertSame(boom, e);
    }

    @Test
    void foldModelsAreScoredThroughTheirReferencePathWithTheCompiledPathsResults() {
        LabelledData data = TestData.blobs(3, 30, 3, 4);
        Trainer forest = (Trainer) PLUGINS.create(TrainerFactory.KIND, "random-forest", new ComponentConfig(
                "trainer", "random-forest", "model.", Map.of("trees", "10"), 1, Path.of("."), "test.properties"));
        TrainedModel model = forest.train(data);
        assertTrue(model instanceof FastScoring);
        double[][] rows = data.featureMatrix();
        List<String> labels = List.of(data.labels().get(2), data.labels().get(0), "unknown", data.labels().get(1));
        double[][] once = StackingTrainer.alignedOnce(model, labels, rows);
        double[][] compiled = EnsembleSupport.aligned(model, labels, rows);
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(compiled[i], once[i], 1e-6, "row " + i);
            assertEquals(0.0, once[i][2]);
        }
    }

    @Test
    void theDearestMembersTrainingsAreScheduledFirst() {
        Trainer fine = (Trainer) PLUGINS.create(TrainerFactory.KIND, "logistic", new ComponentConfig("trainer",
                "logistic", "model.", Map.of("epochs", "2"), 1, Path.of("."), "test.properties"));
        Members members = new Members(List.of("cheap", "unnamed", "dear"), List.of(fine, fine, fine));
        StackingTrainer trainer = new StackingTrainer(members, fine, "none", 3, false, 2,
                Map.of("dear", 3.0, "cheap", 0.2), Map.of(), 1);
        List<StackingTrainer.Task> tasks = new java.util.ArrayList<>();
        for (int f = -1; f < 3; f++) {
            for (int m = 0; m < 3; m++) {
                tasks.add(new StackingTrainer.Task(m, f, () -> { }));
            }
        }
        List<String> order = trainer.schedule(tasks, 3).stream()
                .map(t -> members.names().get(t.member()) + (t.fold() < 0 ? " all" : " " + t.fold())).toList();
        assertEquals(List.of("dear all", "dear 0", "dear 1", "dear 2", "unnamed all", "unnamed 0", "unnamed 1",
                "unnamed 2", "cheap all", "cheap 0", "cheap 1", "cheap 2"), order);
    }

    @Test
    void stackingsDefaultsOrderXgboostAndMlpBeforeTheForestsAndLogistic() {
        Map<String, Double> costs = EnsembleTrainerFactories.STACKING_MEMBER_COSTS;
        assertTrue(costs.keySet().containsAll(EnsembleTrainerFactories.DEFAULT_STACKING_MEMBERS), costs.toString());
        assertTrue(costs.get("xgboost") > costs.get("mlp") && costs.get("mlp") > costs.get("random-forest")
                && costs.get("random-forest") > costs.get("logistic"), costs.toString());
    }
}
