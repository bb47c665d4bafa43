package org.audiu.models.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.audiu.core.FeatureSchema;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.TrainedModel;
import org.junit.jupiter.api.Test;

/**
 * Tribuo's SGD gives a minibatch its rows' mean weight; the linear trainers' automatic minibatch keeps row weights
 * when they vary.
 */
class LinearSgdWeightsTest {
    /** Two classes that the features cannot tell apart, class "a" weighing {@code weightOfA} per row. */
    private static LabelledData indistinguishable(double weightOfA) {
        SplittableRandom random = new SplittableRandom(7);
        List<LabelledExample> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            boolean a = i % 2 == 0;
            rows.add(new LabelledExample("t" + i, new double[] {random.nextGaussian(), random.nextGaussian()},
                    a ? "a" : "b", a ? weightOfA : 1.0, "g" + i));
        }
        return new LabelledData(new FeatureSchema(List.of("x", "y")), rows);
    }

    private static double meanProbabilityOfA(Map<String, String> parameters, LabelledData data) {
        TrainedModel model = new TribuoTrainerFactories.Logistic().create(ComponentConfig.of("trainer", "logistic",
                parameters, 3)).train(data);
        double[] p = model.probabilityOf("a", data.featureMatrix());
        return java.util.Arrays.stream(p).average().orElseThrow();
    }

    @Test
    void rowWeightsMoveTheModelWithTheDefaultMinibatch() {
        double uniform = meanProbabilityOfA(Map.of(), indistinguishable(1.0));
        double weighted = meanProbabilityOfA(Map.of(), indistinguishable(4.0));
        assertEquals(0.5, uniform, 0.05);
        // Weighted 4:1, the best constant answer is 0.8.
        assertEquals(0.8, weighted, 0.06);
    }

    @Test
    void anExplicitMinibatchIsKeptAndRecorded() {
        LabelledData data = indistinguishable(4.0);
        TrainedModel auto = new TribuoTrainerFactories.Logistic().create(ComponentConfig.of("trainer", "logistic",
                Map.of(), 3)).train(data);
        assertEquals("auto", auto.provenance().parameters().get("minibatch"));
        TrainedModel eight = new TribuoTrainerFactories.Logistic().create(ComponentConfig.of("trainer", "logistic",
                Map.of("minibatch", "8"), 3)).train(data);
        assertEquals("8", eight.provenance().parameters().get("minibatch"));
        // With minibatches of 8 the 4:1 weights are mostly averaged away.
        assertTrue(meanProbabilityOfA(Map.of("minibatch", "8"), data) < 0.7);
    }
}
