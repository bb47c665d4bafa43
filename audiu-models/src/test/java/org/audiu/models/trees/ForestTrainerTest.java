package org.audiu.models.trees;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.audiu.core.spi.training.Trainer;
import org.junit.jupiter.api.Test;

class ForestTrainerTest {
    static Trainer forest(String name, Map<String, String> params, long seed) {
        ComponentConfig c = ComponentConfig.of("trainer", name, params, seed);
        Trainer t = (name.equals("extra-trees") ? new ForestTrainerFactories.ExtraTrees()
                : new ForestTrainerFactories.RandomForest()).create(c);
        c.failOnUnreadKeys();
        return t;
    }

    /** XOR of two features with negative values and ties; a third feature is noise. */
    static LabelledData xor(int n, long seed) {
        Random r = new Random(seed);
        List<LabelledExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = Math.round(r.nextGaussian() * 4) / 2.0;
            double b = -Math.abs(r.nextGaussian()) + (r.nextBoolean() ? 3 : 0);
            String label = (a > 0) ^ (b > 1.5) ? "yes" : "no";
            out.add(new LabelledExample("t" + i, new double[] {a, b, r.nextGaussian()}, label, 1, "g" + i % 23));
        }
        return new LabelledData(FeatureSchema.of("a", "b", "noise"), out);
    }

    @Test
    void aSingleFullTreeFitsItsTrainingDataExactly() {
        LabelledData data = xor(400, 1);
        TrainedModel m = forest("random-forest", Map.of("trees", "1", "bootstrap", "false", "max-features", "all"), 1)
                .train(data);
        String[] predicted = m.predictLabels(data.featureMatrix());
        for (int i = 0; i < predicted.length; i++) {
            assertEquals(data.examples().get(i).label(), predicted[i], "row " + i);
        }
    }

    @Test
    void learnsXorOnHeldOutRows() {
        LabelledData train = xor(1000, 2);
        LabelledData test = xor(300, 3);
        for (String name : List.of("random-forest", "extra-trees")) {
            TrainedModel m = forest(name, Map.of("trees", "30"), 4).train(train);
            String[] predicted = m.predictLabels(test.featureMatrix());
            long correct = java.util.stream.IntStream.range(0, predicted.length)
                    .filter(i -> predicted[i].equals(test.examples().get(i).label())).count();
            assertTrue(correct > 0.9 * predicted.length, name + ": " + correct + "/" + predicted.length);
        }
    }

    @Test
    void sameForestWhateverTheThreadCount() {
        LabelledData data = xor(500, 5);
        double[][] one = forest("random-forest", Map.of("trees", "12", "threads", "1"), 9).train(data)
                .predictProbabilities(data.featureMatrix());
        double[][] four = forest("random-forest", Map.of("trees", "12", "threads", "4"), 9).train(data)
                .predictProbabilities(data.featureMatrix());
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i], four[i], 0.0);
        }
    }

    @Test
    void depthAndLeafLimitsShrinkTheTrees() {
        LabelledData data = xor(600, 6);
        ForestModel full = (ForestModel) forest("random-forest", Map.of("trees", "3"), 1).train(data);
        ForestModel small = (ForestModel) forest("random-forest", Map.of("trees", "3", "max-depth", "3",
                "min-samples-leaf", "10"), 1).train(data);
        assertTrue(small.nodes() < full.nodes(), small.nodes() + " vs " + full.nodes());
        assertTrue(small.nodes() <= 3 * 15, "depth 3 allows at most 15 nodes per tree, got " + small.nodes());
    }

    @Test
    void exampleWeightsShiftTheProbabilities() {
        List<LabelledExample> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Identical features: only the weights can decide.
            rows.add(new LabelledExample("l" + i, new double[] {1}, "liked", 3, "a" + i));
            rows.add(new LabelledExample("o" + i, new double[] {1}, "other", 1, "b" + i));
        }
        TrainedModel m = forest("random-forest", Map.of("trees", "20"), 1).train(
                new LabelledData(FeatureSchema.of("x"), rows));
        double liked = m.probabilityOf("liked", new double[][] {{1}})[0];
        assertEquals(0.75, liked, 0.05);
    }

    @Test
    void invalidMaxFeaturesFailsWithTheChoices() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> forest("random-forest", Map.of("max-features", "most"), 1));
        assertTrue(e.getMessage().contains("sqrt, log2, all"), e.getMessage());
    }

    @Test
    void resolvesMaxFeatures() {
        assertEquals(3, ForestTrainer.resolveMaxFeatures("sqrt", 13));
        assertEquals(3, ForestTrainer.resolveMaxFeatures("log2", 13));
        assertEquals(13, ForestTrainer.resolveMaxFeatures("all", 13));
        assertEquals(7, ForestTrainer.resolveMaxFeatures("0.5", 13));
        assertEquals(1, ForestTrainer.resolveMaxFeatures("sqrt", 1));
    }

    @Test
    void savesWithoutTouchingTheFileSystemTwice(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        TrainedModel m = forest("extra-trees", Map.of("trees", "3"), 1).train(xor(100, 7));
        m.save(tmp.resolve("sub/dir/et.model"));
        assertTrue(java.nio.file.Files.size(tmp.resolve("sub/dir/et.model")) > 100);
        try (var files = java.nio.file.Files.list(tmp.resolve("sub/dir"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
