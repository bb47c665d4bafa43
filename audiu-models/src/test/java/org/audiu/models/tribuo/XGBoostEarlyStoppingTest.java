package org.audiu.models.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.audiu.core.FeatureSchema;
import org.audiu.core.config.ComponentConfig;
import org.audiu.core.config.ConfigException;
import org.audiu.core.spi.training.LabelledData;
import org.audiu.core.spi.training.LabelledExample;
import org.audiu.core.spi.training.TrainedModel;
import org.audiu.models.compiled.XGBoostJson;
import org.junit.jupiter.api.Test;
import org.tribuo.common.xgboost.XGBoostModel;

class XGBoostEarlyStoppingTest {
    @Test
    void keepsTheBestRoundSeenBeforePatienceRunsOut() {
        double[] losses = {0.9, 0.7, 0.5, 0.55, 0.6, 0.65, 0.4};
        assertEquals(3, XGBoostEarlyStopping.bestRound(losses, 2), "stops 3 rounds after the best, as XGBoost");
        assertEquals(7, XGBoostEarlyStopping.bestRound(losses, 4), "with more patience it reaches the later best");
        assertEquals(1, XGBoostEarlyStopping.bestRound(new double[] {0.5, 0.5 - 1e-9, 0.6}, 5),
                "an improvement smaller than the tolerance does not count");
        assertEquals(1, XGBoostEarlyStopping.bestRound(new double[] {0.3}, 1));
    }

    @Test
    void aNoisyTaskStopsEarlyAndIsBetterOnHeldOutRowsThanAllRounds() throws Exception {
        LabelledData train = noisy(400, 1);
        LabelledData test = noisy(2000, 2);
        TrainedModel stopped = train(Map.of("trees", "300", "learning-rate", "0.3"), train);
        TrainedModel all = train(Map.of("trees", "300", "learning-rate", "0.3", "early-stopping-rounds", "0"), train);
        int stoppedRounds = rounds(stopped);
        assertEquals(300, rounds(all));
        assertTrue(stoppedRounds < 100, "overfitting after a few rounds, early stopping kept " + stoppedRounds);
        assertTrue(logLoss(stopped, test) < logLoss(all, test), "held-out log-loss: early stopping "
                + logLoss(stopped, test) + ", all rounds " + logLoss(all, test));
        assertEquals("50", stopped.provenance().parameters().get("early-stopping-rounds"));
        double[][] again = train(Map.of("trees", "300", "learning-rate", "0.3"), train)
                .predictProbabilities(test.featureMatrix());
        double[][] first = stopped.predictProbabilities(test.featureMatrix());
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], again[i], 0.0, "same seed, same model");
        }
    }

    @Test
    void tooFewRowsOrArtistsTrainAllRounds() throws Exception {
        LabelledData tiny = noisy(15, 3);
        assertEquals(40, rounds(train(Map.of("trees", "40"), tiny)));
        LabelledData noisy = noisy(200, 4);
        List<LabelledExample> oneArtist = noisy.examples().stream()
                .map(e -> new LabelledExample(e.id(), e.features(), e.label(), e.weight(), "same artist")).toList();
        assertEquals(40, rounds(train(Map.of("trees", "40"), new LabelledData(noisy.schema(), oneArtist))));
    }

    @Test
    void invalidSettingsNameTheKeyAndTheRange() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> create(Map.of("validation-fraction", "0.9")));
        assertTrue(e.getMessage().contains("'validation-fraction'") && e.getMessage().contains("0.01 and 0.5"),
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> create(Map.of("early-stopping-rounds", "-1")));
        assertTrue(e.getMessage().contains("'early-stopping-rounds'"), e.getMessage());
    }

    /** Two labels that depend weakly on the first feature; 40 artists. */
    private static LabelledData noisy(int n, long seed) {
        Random r = new Random(seed);
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[5];
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
            String label = row[0] + 2 * r.nextGaussian() > 0 ? "yes" : "no";
            examples.add(new LabelledExample("t" + i, row, label, 1.0, "artist" + (i % 40)));
        }
        return new LabelledData(new FeatureSchema(List.of("a", "b", "c", "d", "e")), examples);
    }

    private static org.audiu.core.spi.training.Trainer create(Map<String, String> parameters) {
        Map<String, String> p = new java.util.HashMap<>(parameters);
        p.putIfAbsent("threads", "1");
        return new TribuoTrainerFactories.XGBoost().create(ComponentConfig.of("trainer", "xgboost", p, 5));
    }

    private static TrainedModel train(Map<String, String> parameters, LabelledData data) {
        return create(parameters).train(data);
    }

    private static int rounds(TrainedModel model) throws Exception {
        XGBoostModel<?> xgb = (XGBoostModel<?>) ((TribuoModel) model).tribuoModel();
        return XGBoostJson.of(xgb).trees().size() / 2;
    }

    private static double logLoss(TrainedModel model, LabelledData data) {
        double[][] p = model.predictProbabilities(data.featureMatrix());
        List<String> labels = model.labels();
        double loss = 0;
        for (int i = 0; i < p.length; i++) {
            loss -= Math.log(Math.max(1e-15, p[i][labels.indexOf(data.examples().get(i).label())]));
        }
        return loss / p.length;
    }
}
